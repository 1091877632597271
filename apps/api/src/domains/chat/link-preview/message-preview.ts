import { firstLinkOf, type TChatMessage } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { messageSelect, shapeMessage } from "../message-row.js";
import { nextSeqs } from "../room-sequence.js";
import { publishMessage } from "../message-published.js";

/**
 * After a message is sent or edited: its first link's preview is read (or found in
 * the cache) and put on the message, a change like an edit (the room's next change
 * number, live to its members, resumable). A link changed or gone by an edit takes its
 * preview away the same way. Runs after the answer: a slow site never slows a send.
 */
export function previewLater(deps: ChatDeps, message: TChatMessage) {
  const url = message.deleted || message.hidden ? null : firstLinkOf(message.body);
  if (url === (message.preview?.url ?? null)) return;
  deps.previews.later(() => syncPreview(deps, message.roomId, message.seq, url));
}

async function syncPreview(deps: ChatDeps, roomId: number, seq: number, url: string | null) {
  const { db, bus, storage } = deps;
  const preview = url ? await deps.previews.forUrl(url) : null;
  const target = preview ? preview.url : null;
  const changed = await db.$transaction(async (tx) => {
    await tx.$executeRaw`select 1 from "ChatRoom" where id = ${roomId} for update`;
    const message = await tx.chatMessage.findUnique({
      where: { roomId_seq: { roomId, seq } },
      select: { id: true, body: true, deletedAt: true, hiddenAt: true, previewUrl: true, previewRemoved: true },
    });
    // Edited again meanwhile (another link), deleted, hidden, or its preview removed by the sender: not ours to change.
    if (!message || message.deletedAt || message.hiddenAt || message.previewRemoved) return null;
    if (firstLinkOf(message.body) !== url || message.previewUrl === target) return null;
    const seqs = await nextSeqs(tx, roomId, null);
    const row = await tx.chatMessage.update({
      where: { id: message.id },
      data: { previewUrl: target, changeSeq: seqs.changeSeq },
      select: messageSelect,
    });
    return { row, changeSeq: seqs.changeSeq, members: seqs.members };
  });
  if (changed) await publishMessage(bus, changed.changeSeq, shapeMessage(changed.row, storage), changed.members);
}
