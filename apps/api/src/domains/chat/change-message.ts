import { AppError, serverMessages as m, type TChatMessage, type TMessageRef, type TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "./chat-deps.js";
import { memberRoom, type Tx } from "./member-room.js";
import { messageSelect, shapeMessage } from "./message-row.js";
import { nextSeqs } from "./room-sequence.js";
import { publishMessage } from "./message-published.js";

/**
 * Edits and deletions: the sender only, in the room's change order. `change` alters
 * the message inside the transaction and answers the storage keys it let go (deleted
 * pictures), which are removed only after the commit.
 */
export async function changeMessage(
  { db, bus, storage }: ChatDeps,
  viewer: TViewer,
  { roomId, seq }: TMessageRef,
  change: (tx: Tx, messageId: number) => Promise<string[] | void>,
): Promise<TChatMessage> {
  const { changeSeq, row, droppedKeys, members } = await db.$transaction(async (tx) => {
    await memberRoom(tx, viewer, roomId);
    const message = await tx.chatMessage.findUnique({
      where: { roomId_seq: { roomId, seq } },
      select: { id: true, authorId: true, deletedAt: true },
    });
    if (!message || message.deletedAt) throw new AppError("NOT_FOUND", m.noSuchMessage);
    if (message.authorId !== viewer.userId) throw new AppError("FORBIDDEN", m.notYourMessage);
    const seqs = await nextSeqs(tx, roomId, null);
    const droppedKeys = (await change(tx, message.id)) ?? [];
    const row = await tx.chatMessage.update({
      where: { id: message.id },
      data: { changeSeq: seqs.changeSeq },
      select: messageSelect,
    });
    return { changeSeq: seqs.changeSeq, row, droppedKeys, members: seqs.members };
  });
  // Files last: had the transaction failed, no picture still in use would be gone.
  await Promise.all(droppedKeys.map((key) => storage.delete(key)));
  const message = shapeMessage(row, storage);
  await publishMessage(bus, changeSeq, message, members);
  return message;
}
