import { channels, type TMarkReadInput, type TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { publishInboxChanged } from "../chat-events.js";
import { memberRoom } from "../member-room.js";

/**
 * Moves my read point forward, never past the room's newest message (its message
 * number, not its change number: edits do not make messages) and never back (a stale
 * tab cannot undo a newer read). The other members and my other tabs are told.
 */
export async function markRead({ db, bus }: ChatDeps, viewer: TViewer, { roomId, seq }: TMarkReadInput) {
  const room = await memberRoom(db, viewer, roomId);
  const upTo = Math.min(seq, room.messageSeq);
  const moved = await db.chatMember.updateMany({
    where: { roomId, userId: viewer.userId, lastReadSeq: { lt: upTo } },
    data: { lastReadSeq: upTo },
  });
  if (moved.count === 0) return;
  await bus.publish(channels.chatRoom(roomId), {
    v: 1,
    type: "chat.read",
    data: { roomId, userId: viewer.userId, seq: upTo },
  });
  await publishInboxChanged(bus, [viewer.userId], roomId);
}
