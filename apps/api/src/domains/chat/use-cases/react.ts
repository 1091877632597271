import {
  AppError,
  CHAT_REACTIONS_MAX,
  channels,
  serverMessages as m,
  type TChatMessage,
  type TReactionInput,
  type TViewer,
} from "@orgo/api-contract";
import { enforce, limits } from "../../../platform/rate-limit/limits.js";
import { isHiddenContent } from "../../visibility/visibility.js";
import type { ChatDeps } from "../chat-deps.js";
import { memberRoom } from "../member-room.js";
import { messageSelect, shapeMessage } from "../message-row.js";
import { nextSeqs } from "../room-sequence.js";

/**
 * Adds (`on`) or takes back my reaction to a message: any member, on a message still
 * there. A reaction that changes something is a change of the message like an edit
 * (the next change number, the whole message on the room's stream), so it reaches
 * every member once, in order, and a reconnecting tab resumes past it. Idempotent: a
 * reaction already there (or already gone) changes nothing and publishes nothing.
 */
export async function react(
  { db, bus, storage, limiter }: ChatDeps,
  viewer: TViewer,
  { roomId, seq, emoji }: TReactionInput,
  on: boolean,
): Promise<TChatMessage> {
  await enforce(limiter, [[`chat-react:${viewer.userId}`, limits.reactionsPerUser]]);
  const { row, changeSeq } = await db.$transaction(async (tx) => {
    await memberRoom(tx, viewer, roomId);
    // The room's row first, as every change of the room takes it: reactions to one
    // message are counted against the cap one at a time, and no lock order inverts.
    await tx.$executeRaw`select 1 from "ChatRoom" where id = ${roomId} for update`;
    const message = await tx.chatMessage.findUnique({
      where: { roomId_seq: { roomId, seq } },
      select: { id: true, deletedAt: true, hiddenAt: true, author: { select: { contentHiddenAt: true } } },
    });
    if (!message || message.deletedAt || isHiddenContent(message)) throw new AppError("NOT_FOUND", m.noSuchMessage);
    const changed = on ? await add(message.id) : await tx.chatReaction.deleteMany({ where: mine(message.id) });
    if (changed.count === 0) {
      return { row: await tx.chatMessage.findUniqueOrThrow({ where: { id: message.id }, select: messageSelect }) };
    }
    const seqs = await nextSeqs(tx, roomId, null);
    const row = await tx.chatMessage.update({
      where: { id: message.id },
      data: { changeSeq: seqs.changeSeq },
      select: messageSelect,
    });
    return { row, changeSeq: seqs.changeSeq };

    async function add(messageId: number) {
      const emojis = await tx.chatReaction.findMany({
        where: { messageId },
        distinct: ["emoji"],
        select: { emoji: true },
      });
      if (emojis.length >= CHAT_REACTIONS_MAX && !emojis.some((r) => r.emoji === emoji)) {
        throw new AppError("CONFLICT", m.tooManyReactions);
      }
      return tx.chatReaction.createMany({ data: [{ messageId, userId: viewer.userId, emoji }], skipDuplicates: true });
    }
  });
  const message = shapeMessage(row, storage);
  // The room's stream only: a reaction moves nobody's room list or unread count.
  if (changeSeq !== undefined) {
    await bus.publish(channels.chatRoom(roomId), { v: 1, type: "chat.message", data: { changeSeq, message } });
  }
  return message;

  function mine(messageId: number) {
    return { messageId, userId: viewer.userId, emoji };
  }
}
