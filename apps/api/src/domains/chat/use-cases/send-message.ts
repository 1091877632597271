import {
  AppError,
  serverMessages as m,
  type TChatMessage,
  type TSendMessageInput,
  type TViewer,
} from "@orgo/api-contract";
import { isUniqueViolation } from "@orgo/db";
import { enforce } from "../../../platform/rate-limit/limits.js";
import { POST_IMAGE_KIND } from "../../posts/post-images.js";
import type { ChatDeps } from "../chat-deps.js";
import { blockInRoom, memberRoom, noSuchRoom, type Tx } from "../member-room.js";
import { messageSelect, shapeMessage, type MessageRow } from "../message-row.js";
import { nextSeqs } from "../room-sequence.js";
import { publishMessage } from "../message-published.js";
import { tellMentioned } from "../message-mentions.js";

type Sent = { changeSeq: number; row: MessageRow; members: string[] };

/**
 * Sends a message, exactly once per client id: a retry (or a retry racing its first
 * attempt) answers the stored message. Numbered in the room's commit order, then
 * published to the room and every member's list, then mentions are told.
 */
export async function sendMessage(deps: ChatDeps, viewer: TViewer, input: TSendMessageInput): Promise<TChatMessage> {
  const { db, limiter, storage, bus } = deps;
  // Per person, all rooms together, retries included: a flood is refused before any work.
  await enforce(limiter, [[`chat-send:${viewer.userId}`, deps.sendLimit]]);
  let sent: Sent;
  try {
    sent = await deps.roomQueue(input.roomId, () =>
      input.imageIds.length === 0 ? sendText(deps, viewer, input) : sendWithImages(deps, viewer, input),
    );
  } catch (error) {
    // The insert lost on (room, clientId) and rolled back its numbers, so the room has
    // no gap and nothing new is stored: answer the stored one. Members only:
    // membership is checked before the insert is reached.
    if (!isUniqueViolation(error)) throw error;
    const stored = await db.chatMessage.findUnique({
      where: { roomId_clientId: { roomId: input.roomId, clientId: input.clientId } },
      select: { ...messageSelect, authorId: true },
    });
    if (!stored) throw error;
    if (stored.authorId !== viewer.userId) throw new AppError("CONFLICT", m.noSuchMessage);
    return shapeMessage(stored, storage);
  }
  const message = shapeMessage(sent.row, storage);
  await publishMessage(bus, sent.changeSeq, message, sent.members);
  await tellMentioned(deps, viewer, message);
  return message;
}

/**
 * Sending is the hot path. A text message is one statement — membership and block
 * check, numbering under the room's row lock, the insert, my read point, the members
 * and my public profile — atomic on its own, so the lock is held for one statement
 * and the room's numbers follow commit order.
 */
async function sendText({ db }: ChatDeps, viewer: TViewer, input: TSendMessageInput): Promise<Sent> {
  const [row] = await db.$queryRaw<
    {
      seq: number;
      changeSeq: number;
      createdAt: Date;
      members: string[];
      handle: string;
      displayName: string;
      avatarUrl: string | null;
    }[]
  >`
    with member as (
      select r.id from "ChatMember" m join "ChatRoom" r on r.id = m."roomId"
      where m."roomId" = ${input.roomId} and m."userId" = ${viewer.userId}::uuid
        and not ${blockInRoom}
    ), room as (
      update "ChatRoom"
      set "messageSeq" = "messageSeq" + 1, "changeSeq" = "changeSeq" + 1, "lastMessageAt" = now()
      where id = (select id from member)
      returning id, "messageSeq", "changeSeq"
    ), message as (
      insert into "ChatMessage" ("roomId", seq, "changeSeq", "authorId", "clientId", body)
      select id, "messageSeq", "changeSeq", ${viewer.userId}::uuid, ${input.clientId}::uuid, ${input.body} from room
      returning seq, "changeSeq", "createdAt"
    ), sender_read as (
      update "ChatMember" set "lastReadSeq" = (select seq from message)
      where "roomId" = ${input.roomId} and "userId" = ${viewer.userId}::uuid and exists (select 1 from message)
    )
    select message.seq, message."changeSeq", message."createdAt",
      array(select "userId"::text from "ChatMember" where "roomId" = ${input.roomId}) as members,
      u.handle, u."displayName", u."avatarUrl"
    from message join "User" u on u.id = ${viewer.userId}::uuid`;
  if (!row) throw noSuchRoom();
  return {
    changeSeq: row.changeSeq,
    members: row.members,
    row: {
      roomId: input.roomId,
      seq: row.seq,
      changeSeq: row.changeSeq,
      clientId: input.clientId,
      body: input.body,
      createdAt: row.createdAt,
      editedAt: null,
      deletedAt: null,
      author: { id: viewer.userId, handle: row.handle, displayName: row.displayName, avatarUrl: row.avatarUrl },
      images: [],
    },
  };
}

/** Pictures take a transaction: their ownership is checked first. */
async function sendWithImages({ db }: ChatDeps, viewer: TViewer, input: TSendMessageInput): Promise<Sent> {
  const { id, seqs } = await db.$transaction(async (tx) => {
    await memberRoom(tx, viewer, input.roomId);
    await requireOwnFreshImages(tx, viewer.userId, input.imageIds);
    // Numbers, my read point and the members in one round trip.
    const seqs = await nextSeqs(tx, input.roomId, viewer.userId);
    const row = await tx.chatMessage.create({
      data: {
        roomId: input.roomId,
        seq: seqs.messageSeq,
        changeSeq: seqs.changeSeq,
        authorId: viewer.userId,
        clientId: input.clientId,
        body: input.body,
        images: { create: input.imageIds.map((uploadId, position) => ({ uploadId, position })) },
      },
      select: { id: true },
    });
    return { id: row.id, seqs };
  });
  const row = await db.chatMessage.findUniqueOrThrow({ where: { id }, select: messageSelect });
  return { changeSeq: seqs.changeSeq, members: seqs.members, row };
}

/** Pictures must be my own post-image uploads that no post or message uses yet. */
async function requireOwnFreshImages(tx: Tx, userId: string, imageIds: string[]) {
  const usable = await tx.upload.count({
    where: { id: { in: imageIds }, ownerId: userId, kind: POST_IMAGE_KIND, postImage: null, chatImage: null },
  });
  if (usable !== imageIds.length) {
    throw new AppError("VALIDATION", m.imageNotYours, { fieldErrors: { imageIds: [m.imageNotYours] } });
  }
}
