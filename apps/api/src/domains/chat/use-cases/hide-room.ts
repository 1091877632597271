import type { TRoomRef, TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { publishInboxChanged } from "../chat-events.js";
import { memberRoom } from "../member-room.js";

/** Removes the room from my list only, until a newer message arrives. */
export async function hideRoom({ db, bus }: ChatDeps, viewer: TViewer, { roomId }: TRoomRef) {
  const room = await memberRoom(db, viewer, roomId);
  await db.chatMember.update({
    where: { roomId_userId: { roomId, userId: viewer.userId } },
    data: { hiddenUpToSeq: room.messageSeq },
  });
  await publishInboxChanged(bus, [viewer.userId], roomId);
}
