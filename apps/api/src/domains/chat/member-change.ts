import {
  AppError,
  channels,
  serverMessages as m,
  type TChatMessage,
  type TMessageRef,
  type TViewer,
} from "@orgo/api-contract";
import { isHiddenContent } from "../visibility/visibility.js";
import type { ChatDeps } from "./chat-deps.js";
import { memberRoom, type MemberRoom, type Tx } from "./member-room.js";
import { messageSelect, shapeMessage } from "./message-row.js";
import { nextSeqs } from "./room-sequence.js";

/** What a member's change is decided on: the message, and its pin if it has one. */
export interface ChangedMessage {
  id: number;
  pin: { pinnedById: string | null } | null;
}

/**
 * A change any member may make to a message still there (a reaction, a pin). The room's
 * row is locked first (with the membership check, one statement), as every change of the room takes it: caps are counted one change
 * at a time, and no lock order inverts. When `change` says it changed something, the
 * message takes the room's next change number and goes out whole on the room's stream
 * (resumable like an edit; no room list moves); when it changed nothing (a retry), nothing
 * is published. Deleted or hidden messages are NOT_FOUND.
 */
export async function changeAsMember(
  { db, bus, storage }: ChatDeps,
  viewer: TViewer,
  { roomId, seq }: TMessageRef,
  change: (tx: Tx, message: ChangedMessage, room: MemberRoom) => Promise<boolean>,
): Promise<TChatMessage> {
  const { row, changeSeq } = await db.$transaction(async (tx) => {
    const room = await memberRoom(tx, viewer, roomId, { lock: true });
    const message = await tx.chatMessage.findUnique({
      where: { roomId_seq: { roomId, seq } },
      select: {
        id: true,
        deletedAt: true,
        hiddenAt: true,
        author: { select: { contentHiddenAt: true } },
        pin: { select: { pinnedById: true } },
      },
    });
    if (!message || message.deletedAt || isHiddenContent(message)) throw new AppError("NOT_FOUND", m.noSuchMessage);
    if (!(await change(tx, message, room))) {
      return { row: await tx.chatMessage.findUniqueOrThrow({ where: { id: message.id }, select: messageSelect }) };
    }
    const seqs = await nextSeqs(tx, roomId, null);
    // Read under the lock, so changes are published in the room's change order: read
    // after the commit, a later change overtook one often enough that members' streams
    // caught up from the database (a benchmark's stall).
    const row = await tx.chatMessage.update({
      where: { id: message.id },
      data: { changeSeq: seqs.changeSeq },
      select: messageSelect,
    });
    return { row, changeSeq: seqs.changeSeq };
  });
  const message = shapeMessage(row, storage);
  if (changeSeq !== undefined) {
    await bus.publish(channels.chatRoom(roomId), { v: 1, type: "chat.message", data: { changeSeq, message } });
  }
  return message;
}
