import { channels, type TRoomRef, type TViewer } from "@orgo/api-contract";
import { publicUserSelect } from "../../users/public-user.js";
import type { ChatDeps } from "../chat-deps.js";
import { memberRoom } from "../member-room.js";

/** Typing signals: at most one per person per room this often (the client sends no more either). */
const TYPING_EVERY_MS = 3_000;

/** "I am typing": relayed to the room live, never stored. */
export async function typing({ db, bus, limiter }: ChatDeps, viewer: TViewer, { roomId }: TRoomRef) {
  await memberRoom(db, viewer, roomId);
  const hit = await limiter.hit(`typing:${viewer.userId}:${roomId}`, { limit: 1, windowMs: TYPING_EVERY_MS });
  if (!hit.allowed) return;
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: publicUserSelect });
  await bus.publish(channels.chatRoom(roomId), { v: 1, type: "chat.typing", data: { roomId, user } });
}
