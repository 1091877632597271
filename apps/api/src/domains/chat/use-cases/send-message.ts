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
import { SHARED_FILE_KIND } from "../../posts/shared-files.js";
import type { ChatDeps } from "../chat-deps.js";
import { blockInRoom, memberRoom, noSuchRoom, type Tx } from "../member-room.js";
import { messageSelect, shapeMessage, type MessageRow } from "../message-row.js";
import { nextSeqs } from "../room-sequence.js";
import { publishMessage } from "../message-published.js";
import { tellAnswered, tellMentioned } from "../message-mentions.js";
import { previewLater } from "../link-preview/message-preview.js";
import { isRepeatedText, REPEATED_MESSAGE_MIN_CHARS } from "../../safety/repeated-text.js";

type Sent = { changeSeq: number; row: MessageRow; members: string[]; caseId: number | null };

/**
 * Sends a message, exactly once per client id: a retry (or a retry racing its first
 * attempt) answers the stored message. Numbered in the room's commit order, then
 * published to the room and every member's list, then mentions are told.
 */
export async function sendMessage(deps: ChatDeps, viewer: TViewer, input: TSendMessageInput): Promise<TChatMessage> {
  const { limiter, storage, bus } = deps;
  // Per person, all rooms together, retries included: a flood is refused before any work.
  await enforce(limiter, [[`chat-send:${viewer.userId}`, deps.sendLimit]]);
  // A long text said again within a day is spam pasted around: refused, unless this
  // is a retry of the very message (its client id), which answers the stored one.
  if (input.body.trim().length >= REPEATED_MESSAGE_MIN_CHARS) {
    const stored = await storedRetry(deps, viewer, input);
    if (stored) return stored;
  }
  const { held } = await deps.guard.screen(viewer, { texts: [input.body], pictures: input.imageIds.length > 0 });
  let sent: Sent;
  try {
    sent = await deps.roomQueue(input.roomId, () =>
      input.imageIds.length === 0 &&
      input.fileIds.length === 0 &&
      !held &&
      input.body.trim().length < REPEATED_MESSAGE_MIN_CHARS
        ? sendText(deps, viewer, input)
        : sendInTransaction(deps, viewer, input, held),
    );
  } catch (error) {
    // The insert lost on (room, clientId) and rolled back its numbers, so the room has
    // no gap and nothing new is stored: answer the stored one. Members only:
    // membership is checked before the insert is reached.
    if (!isUniqueViolation(error) && !isRepeatedText(error)) throw error;
    const stored = await storedRetry(deps, viewer, input);
    if (!stored) throw error;
    return stored;
  }
  await deps.guard.announce(sent.caseId);
  const message = shapeMessage(sent.row, storage);
  await publishMessage(bus, sent.changeSeq, message, sent.members);
  if (!message.hidden) await tellMentioned(deps, viewer, message);
  if (!message.hidden && message.replyTo) await tellAnswered(deps, viewer, message);
  previewLater(deps, message);
  return message;
}

/** The message this client id already stored in the room, if it is the viewer's (a retry). */
async function storedRetry({ db, storage }: ChatDeps, viewer: TViewer, input: TSendMessageInput) {
  const stored = await db.chatMessage.findUnique({
    where: { roomId_clientId: { roomId: input.roomId, clientId: input.clientId } },
    select: { ...messageSelect, authorId: true },
  });
  if (!stored) return null;
  if (stored.authorId !== viewer.userId) throw new AppError("CONFLICT", m.noSuchMessage);
  return shapeMessage(stored, storage);
}

/**
 * Sending is the hot path. A text message (a reply too) is one statement — membership
 * and block check, the answered message, numbering under the room's row lock, the
 * insert, my read point, the members and my public profile — atomic on its own, so the
 * lock is held for one statement and the room's numbers follow commit order.
 */
async function sendText({ db }: ChatDeps, viewer: TViewer, input: TSendMessageInput): Promise<Sent> {
  const replyToSeq = input.replyToSeq ?? null;
  const [row] = await db.$queryRaw<
    {
      seq: number;
      changeSeq: number;
      createdAt: Date;
      members: string[];
      handle: string;
      displayName: string;
      avatarUrl: string | null;
      /** The answered message (a reply), as its quote needs it. */
      aSeq: number | null;
      aBody: string | null;
      aDeletedAt: Date | null;
      aHiddenAt: Date | null;
      aAuthorId: string | null;
      aHandle: string | null;
      aDisplayName: string | null;
      aAvatarUrl: string | null;
      aContentHiddenAt: Date | null;
    }[]
  >`
    with member as (
      select r.id from "ChatMember" m join "ChatRoom" r on r.id = m."roomId"
      where m."roomId" = ${input.roomId} and m."userId" = ${viewer.userId}::uuid
        and not ${blockInRoom}
    ), answered as (
      select a.id, a.seq, a.body, a."deletedAt", a."hiddenAt", a."authorId"
      from "ChatMessage" a
      where a."roomId" = ${input.roomId} and a.seq = ${replyToSeq}::int
    ), room as (
      update "ChatRoom"
      set "messageSeq" = "messageSeq" + 1, "changeSeq" = "changeSeq" + 1, "lastMessageAt" = now()
      where id = (select id from member) and (${replyToSeq}::int is null or exists (select 1 from answered))
      returning id, "messageSeq", "changeSeq"
    ), message as (
      insert into "ChatMessage" ("roomId", seq, "changeSeq", "authorId", "clientId", body, "replyToId")
      select id, "messageSeq", "changeSeq", ${viewer.userId}::uuid, ${input.clientId}::uuid, ${input.body},
        (select id from answered)
      from room
      returning seq, "changeSeq", "createdAt"
    ), sender_read as (
      update "ChatMember" set "lastReadSeq" = (select seq from message)
      where "roomId" = ${input.roomId} and "userId" = ${viewer.userId}::uuid and exists (select 1 from message)
    )
    select message.seq, message."changeSeq", message."createdAt",
      array(select "userId"::text from "ChatMember" where "roomId" = ${input.roomId}) as members,
      u.handle, u."displayName", u."avatarUrl",
      a.seq as "aSeq", a.body as "aBody", a."deletedAt" as "aDeletedAt", a."hiddenAt" as "aHiddenAt",
      a."authorId" as "aAuthorId", au.handle as "aHandle", au."displayName" as "aDisplayName",
      au."avatarUrl" as "aAvatarUrl", au."contentHiddenAt" as "aContentHiddenAt"
    from message join "User" u on u.id = ${viewer.userId}::uuid
      left join answered a on true
      left join "User" au on au.id = a."authorId"`;
  if (!row) {
    // Nothing stored: not a member (NOT_FOUND), or the answered message is not in the room.
    if (replyToSeq !== null) {
      await memberRoom(db, viewer, input.roomId);
      throw new AppError("VALIDATION", m.noSuchReplyTarget, { fieldErrors: { replyToSeq: [m.noSuchReplyTarget] } });
    }
    throw noSuchRoom();
  }
  return {
    changeSeq: row.changeSeq,
    members: row.members,
    caseId: null,
    row: {
      roomId: input.roomId,
      seq: row.seq,
      changeSeq: row.changeSeq,
      clientId: input.clientId,
      body: input.body,
      createdAt: row.createdAt,
      editedAt: null,
      deletedAt: null,
      hiddenAt: null,
      author: {
        id: viewer.userId,
        handle: row.handle,
        displayName: row.displayName,
        avatarUrl: row.avatarUrl,
        contentHiddenAt: null,
      },
      images: [],
      files: [],
      reactions: [],
      replyTo:
        row.aSeq === null
          ? null
          : {
              seq: row.aSeq,
              body: row.aBody ?? "",
              deletedAt: row.aDeletedAt,
              hiddenAt: row.aHiddenAt,
              author:
                row.aAuthorId === null
                  ? null
                  : {
                      id: row.aAuthorId,
                      handle: row.aHandle ?? "",
                      displayName: row.aDisplayName ?? "",
                      avatarUrl: row.aAvatarUrl,
                      contentHiddenAt: row.aContentHiddenAt,
                    },
            },
      pin: null,
      preview: null,
    },
  };
}

/**
 * Pictures, files, a long text (checked against the writer's texts of the day) or a
 * message a watched word holds take a transaction: ownership, the answered message and
 * repeats are checked first, and a held message is filed for review with it.
 */
async function sendInTransaction(
  { db, guard }: ChatDeps,
  viewer: TViewer,
  input: TSendMessageInput,
  held: string | null,
): Promise<Sent> {
  const { id, seqs, caseId } = await db.$transaction(async (tx) => {
    await memberRoom(tx, viewer, input.roomId);
    if (input.imageIds.length) await requireOwnFreshImages(tx, viewer.userId, input.imageIds);
    if (input.fileIds.length) await requireOwnFreshFiles(tx, viewer.userId, input.fileIds);
    const replyToId = input.replyToSeq ? await answeredMessage(tx, input.roomId, input.replyToSeq) : null;
    await guard.refuseRepeated(tx, viewer, "message", input.body);
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
        hiddenAt: held ? new Date() : null,
        replyToId,
        images: { create: input.imageIds.map((uploadId, position) => ({ uploadId, position })) },
        files: { create: input.fileIds.map((uploadId, position) => ({ uploadId, position })) },
      },
      select: { id: true },
    });
    const caseId = held
      ? await guard.fileHeld(tx, viewer, { kind: "message", roomId: input.roomId, seq: seqs.messageSeq }, held)
      : null;
    return { id: row.id, seqs, caseId };
  });
  const row = await db.chatMessage.findUniqueOrThrow({ where: { id }, select: messageSelect });
  return { changeSeq: seqs.changeSeq, members: seqs.members, row, caseId };
}

/** A reply answers a message of its own room (deleted since or not: the quote says so). */
async function answeredMessage(tx: Tx, roomId: number, seq: number): Promise<number> {
  const original = await tx.chatMessage.findUnique({ where: { roomId_seq: { roomId, seq } }, select: { id: true } });
  if (!original) {
    throw new AppError("VALIDATION", m.noSuchReplyTarget, { fieldErrors: { replyToSeq: [m.noSuchReplyTarget] } });
  }
  return original.id;
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

/** Files must be my own file uploads that no message or post uses yet. */
async function requireOwnFreshFiles(tx: Tx, userId: string, fileIds: string[]) {
  const usable = await tx.upload.count({
    where: { id: { in: fileIds }, ownerId: userId, kind: SHARED_FILE_KIND, chatFile: null, postFile: null },
  });
  if (usable !== fileIds.length) {
    throw new AppError("VALIDATION", m.fileNotYours, { fieldErrors: { fileIds: [m.fileNotYours] } });
  }
}
