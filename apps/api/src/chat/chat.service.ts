import {
  AppError,
  mentionedHandles,
  channels,
  LiveFeed,
  serverMessages as m,
  type ChatService,
  type LiveSource,
  type TChannel,
  type TEventEnvelope,
  type TChatMessage,
  type TChatRoom,
  type TRoomEvent,
  type TSendMessageInput,
  type TViewer,
} from "@orgo/api-contract";
import { isDatabaseBusy, isUniqueViolation, Prisma, type Db } from "@orgo/db";
import type { EventBus } from "../events/event-bus.js";
import type { RateLimiter, RateLimitRule } from "../rate-limit/rate-limiter.js";
import { enforce } from "../rate-limit/limits.js";
import { itemPerEvent, LIVE_MAX_QUEUE, streamSource } from "../live/live-stream.js";
import { signalFeed } from "../live/signal-feed.js";
import { publicUserSelect } from "../users/public-user.js";
import { directKeyOf, publishInboxChanged } from "./chat-events.js";
import { blockedBetween } from "../social/blocks.js";
import { notifyMentions } from "../notifications/mentions.js";
import { groupKeys, notify } from "../notifications/notify.js";
import { publishNotifications } from "../notifications/notification.service.js";
import type { FileStorage } from "../storage/file-storage.js";
import { dropUploads, orderedImagesSelect, POST_IMAGE_KIND, toImages } from "../posts/post-images.js";

type Tx = Prisma.TransactionClient;

/** Message changes read per catch-up query of a room's live stream. */
export const CHAT_CATCH_UP_PAGE = 200;
/** Typing signals: at most one per person per room this often (the client sends no more either). */
export const TYPING_EVERY_MS = 3_000;
/** Sends to one room waiting in this process before more are refused as busy (try again). */
export const ROOM_QUEUE_LIMIT = 200;

const messageSelect = {
  roomId: true,
  seq: true,
  changeSeq: true,
  clientId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: publicUserSelect },
  images: orderedImagesSelect,
} as const;
/** SQL: a block stands between the two people of the one-to-one room `r` (never true for a study room). */
const blockInRoom = Prisma.sql`exists (
  select 1 from "Block" b
  where r."directKey" is not null
    and b."blockerId"::text = any(string_to_array(r."directKey", ':'))
    and b."blockedId"::text = any(string_to_array(r."directKey", ':'))
)`;

type MessageRow = Prisma.ChatMessageGetPayload<{ select: typeof messageSelect }>;

function shapeMessage(row: MessageRow, storage: FileStorage): TChatMessage {
  return {
    roomId: row.roomId,
    seq: row.seq,
    author: row.author,
    clientId: row.clientId,
    body: row.deletedAt ? "" : row.body,
    createdAt: row.createdAt,
    edited: row.editedAt !== null,
    deleted: row.deletedAt !== null,
    images: row.deletedAt ? [] : toImages(row.images, storage),
  };
}

interface MemberRoom {
  id: number;
  kind: string;
  directKey: string | null;
  messageSeq: number;
  changeSeq: number;
}

export function createChatService(deps: {
  db: Db;
  bus: EventBus;
  limiter: RateLimiter;
  storage: FileStorage;
  /** Messages one person may send per window (config CHAT_SENDS_PER_10S). */
  sendLimit: RateLimitRule;
}): ChatService {
  const { db, bus, limiter, storage } = deps;
  const sharedItem = itemPerEvent<{ id?: number; event: TRoomEvent }>();
  const toMessage = (row: MessageRow) => shapeMessage(row, storage);
  const noSuchRoom = () => new AppError("NOT_FOUND", m.noSuchRoom);

  const peerOf = (room: { directKey: string | null }, me: string) =>
    room.directKey ? (room.directKey.split(":").find((id) => id !== me) ?? null) : null;

  /**
   * The room, when I am a member and no block stands between me and the other person
   * of a one-to-one room; NOT_FOUND otherwise (a stranger learns nothing). `lock`
   * takes the room row for update: the sequences are bumped under it.
   */
  async function memberRoom(client: Tx | Db, viewer: TViewer, roomId: number): Promise<MemberRoom> {
    // One statement: membership, the room, and any block between the two people of a
    // one-to-one room (every chat call starts here).
    const [row] = await client.$queryRaw<(MemberRoom & { blocked: boolean })[]>`
      select r.id, r.kind, r."directKey", r."messageSeq", r."changeSeq",
        ${blockInRoom} as blocked
      from "ChatMember" m join "ChatRoom" r on r.id = m."roomId"
      where m."roomId" = ${roomId} and m."userId" = ${viewer.userId}::uuid`;
    if (!row || row.blocked) throw noSuchRoom();
    const { blocked: _blocked, ...room } = row;
    return room;
  }

  /**
   * Takes the next message and change numbers of one room, in commit order (the row
   * stays locked until the transaction ends), and answers the room's members — one
   * round trip. A new message also counts as read by its sender.
   */
  async function nextSeqs(tx: Tx, roomId: number, sender: string | null) {
    const [row] = await tx.$queryRaw<{ messageSeq: number; changeSeq: number; members: string[] }[]>`
      with room as (
        update "ChatRoom"
        set "messageSeq" = "messageSeq" + ${sender ? 1 : 0}::int,
            "changeSeq" = "changeSeq" + 1,
            "lastMessageAt" = case when ${sender !== null} then now() else "lastMessageAt" end
        where id = ${roomId}
        returning "messageSeq", "changeSeq"
      ), sender_read as (
        update "ChatMember" set "lastReadSeq" = (select "messageSeq" from room)
        where "roomId" = ${roomId} and "userId" = ${sender}::uuid
      )
      select room."messageSeq", room."changeSeq",
        array(select "userId"::text from "ChatMember" where "roomId" = ${roomId}) as members
      from room`;
    return row!;
  }

  /**
   * Sends to one room take its row lock one after the other anyway; queueing them
   * here, before they take a pooled connection, keeps a busy room from holding the
   * whole pool while it waits on its own lock — other rooms go on at full speed.
   */
  const roomQueues = new Map<number, { tail: Promise<unknown>; waiting: number }>();
  async function inRoomOrder<T>(roomId: number, work: () => Promise<T>): Promise<T> {
    let queue = roomQueues.get(roomId);
    if (!queue) roomQueues.set(roomId, (queue = { tail: Promise.resolve(), waiting: 0 }));
    if (queue.waiting >= ROOM_QUEUE_LIMIT) throw new AppError("RATE_LIMITED", m.roomBusy, { retryAfterSeconds: 1 });
    queue.waiting++;
    const run = queue.tail.then(work, work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queue.tail = settled;
    try {
      return await run;
    } catch (error) {
      // No connection or transaction in time: an honest "try again", never a 500.
      if (isDatabaseBusy(error)) throw new AppError("RATE_LIMITED", m.roomBusy, { retryAfterSeconds: 1 });
      throw error;
    } finally {
      const current = queue;
      void settled.then(() => {
        if (--current.waiting === 0 && roomQueues.get(roomId) === current) roomQueues.delete(roomId);
      });
    }
  }

  type Sent = { changeSeq: number; row: MessageRow; members: string[] };

  async function sendText(viewer: TViewer, input: TSendMessageInput): Promise<Sent> {
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

  async function sendWithImages(viewer: TViewer, input: TSendMessageInput): Promise<Sent> {
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

  /**
   * The room's members a message mentions, told after its commit: sending stays one
   * statement, and a message without an "@" costs nothing more. Only members are
   * told (nobody else may read the room); once per person per message.
   */
  async function tellMentioned(viewer: TViewer, message: TChatMessage) {
    if (!message.body.includes("@") || mentionedHandles(message.body).length === 0) return;
    const changed = await db.$transaction(async (tx) => {
      const members = await tx.chatMember.findMany({ where: { roomId: message.roomId }, select: { userId: true } });
      return notifyMentions(tx, {
        text: message.body,
        actorId: viewer.userId,
        groupKey: groupKeys.mention("chat", `${message.roomId}:${message.seq}`),
        roomId: message.roomId,
        onlyAmong: members.map((member) => member.userId),
      });
    });
    await publishNotifications(db, bus, changed);
  }

  /** After a commit: the room's live stream, then every member's room list. */
  async function published(changeSeq: number, message: TChatMessage, members: string[]) {
    // Issued in the same tick, in this order: the Redis bus sends them in one write on
    // one connection, so the room's event still goes out before the room lists'.
    await Promise.all([
      bus.publish(channels.chatRoom(message.roomId), { v: 1, type: "chat.message", data: { changeSeq, message } }),
      publishInboxChanged(bus, members, message.roomId),
    ]);
  }

  /** The rooms of my list, shaped, in a fixed number of queries whatever their number. */
  async function shapeRooms(viewer: TViewer, roomIds: number[] | null): Promise<TChatRoom[]> {
    const me = viewer.userId;
    const memberships = await db.chatMember.findMany({
      where: { userId: me, ...(roomIds ? { roomId: { in: roomIds } } : {}) },
      select: {
        lastReadSeq: true,
        hiddenUpToSeq: true,
        muted: true,
        room: {
          select: {
            id: true,
            kind: true,
            directKey: true,
            messageSeq: true,
            lastMessageAt: true,
            createdAt: true,
            study: { select: { id: true, title: true } },
            _count: { select: { members: true } },
          },
        },
      },
    });
    const peerIds = memberships.map((mb) => peerOf(mb.room, me)).filter((id): id is string => id !== null);
    const directIds = memberships.filter((mb) => mb.room.directKey).map((mb) => mb.room.id);
    const [peers, blocks, lastMessages, peerReads] = await Promise.all([
      db.user.findMany({ where: { id: { in: peerIds } }, select: publicUserSelect }),
      db.block.findMany({
        where: {
          OR: [
            { blockerId: me, blockedId: { in: peerIds } },
            { blockedId: me, blockerId: { in: peerIds } },
          ],
        },
        select: { blockerId: true, blockedId: true },
      }),
      db.chatMessage.findMany({
        where: {
          OR: memberships
            .filter((mb) => mb.room.messageSeq > 0)
            .map((mb) => ({ roomId: mb.room.id, seq: mb.room.messageSeq })),
        },
        select: messageSelect,
      }),
      db.chatMember.findMany({
        where: { roomId: { in: directIds }, userId: { not: me } },
        select: { roomId: true, lastReadSeq: true },
      }),
    ]);
    const peerById = new Map(peers.map((p) => [p.id, p]));
    const blocked = new Set(blocks.map((b) => (b.blockerId === me ? b.blockedId : b.blockerId)));
    const lastByRoom = new Map(lastMessages.map((row) => [row.roomId, toMessage(row)]));
    const peerReadByRoom = new Map(peerReads.map((r) => [r.roomId, r.lastReadSeq]));
    return memberships
      .filter((mb) => {
        const peer = peerOf(mb.room, me);
        if (peer && blocked.has(peer)) return false;
        // Left: hidden until a newer message arrives (asking for it by id still finds it).
        return roomIds !== null || mb.hiddenUpToSeq === null || mb.room.messageSeq > mb.hiddenUpToSeq;
      })
      .map((mb) => {
        const peer = peerOf(mb.room, me);
        return {
          id: mb.room.id,
          kind: mb.room.kind === "direct" ? "direct" : "study",
          peer: peer ? (peerById.get(peer) ?? null) : null,
          study: mb.room.study,
          memberCount: mb.room._count.members,
          lastMessage: lastByRoom.get(mb.room.id) ?? null,
          messageSeq: mb.room.messageSeq,
          lastReadSeq: mb.lastReadSeq,
          unreadCount: Math.max(0, mb.room.messageSeq - mb.lastReadSeq),
          peerReadSeq: mb.room.directKey ? (peerReadByRoom.get(mb.room.id) ?? 0) : null,
          lastMessageAt: mb.room.lastMessageAt,
          muted: mb.muted,
        } satisfies TChatRoom;
      })
      .sort((a, b) => (b.lastMessageAt?.getTime() ?? 0) - (a.lastMessageAt?.getTime() ?? 0) || b.id - a.id);
  }

  async function oneRoom(viewer: TViewer, roomId: number): Promise<TChatRoom> {
    const [room] = await shapeRooms(viewer, [roomId]);
    if (!room) throw noSuchRoom();
    return room;
  }

  /** Pictures must be my own post-image uploads that no post or message uses yet. */
  async function requireOwnFreshImages(tx: Tx, userId: string, imageIds: string[]) {
    if (imageIds.length === 0) return;
    const usable = await tx.upload.count({
      where: { id: { in: imageIds }, ownerId: userId, kind: POST_IMAGE_KIND, postImage: null, chatImage: null },
    });
    if (usable !== imageIds.length) {
      throw new AppError("VALIDATION", m.imageNotYours, { fieldErrors: { imageIds: [m.imageNotYours] } });
    }
  }

  /** Edits and deletions: the sender only, in the room's change order. */
  async function changeMessage(
    viewer: TViewer,
    roomId: number,
    seq: number,
    change: (tx: Tx, id: number) => Promise<string[] | void>,
  ) {
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
    const message = toMessage(row);
    await published(changeSeq, message, members);
    return message;
  }

  type RoomItem = { id?: number; event: TRoomEvent };

  /**
   * One member's live feed of a room. Thousands of these are held at once, so it is
   * a small object with shared methods (a closure each would be most of its memory).
   */
  class RoomSource implements LiveSource<RoomItem> {
    readonly maxQueue = LIVE_MAX_QUEUE;

    constructor(
      private readonly roomId: number,
      private readonly me: string,
      readonly afterId: number | null,
    ) {}

    /** Made when asked (on attach and detach) rather than a string held by each member's feed. */
    get channel(): TChannel {
      return channels.chatRoom(this.roomId);
    }

    select(event: TEventEnvelope): RoomItem | null {
      if (event.type !== "chat.message" || event.data.message.roomId !== this.roomId) return null;
      return sharedItem(event, () => ({
        id: event.data.changeSeq,
        event: { kind: "message", message: event.data.message },
      }));
    }

    ephemeral(event: TEventEnvelope): RoomItem | null {
      if (event.type === "chat.typing" && event.data.user.id !== this.me) {
        return sharedItem(event, () => ({ event: { kind: "typing", user: event.data.user } }));
      }
      if (event.type === "chat.read") {
        return sharedItem(event, () => ({ event: { kind: "read", userId: event.data.userId, seq: event.data.seq } }));
      }
      return null;
    }

    endWhen(event: TEventEnvelope): boolean {
      return event.type === "chat.access" && event.data.userIds.includes(this.me);
    }

    async catchUp(after: number): Promise<RoomItem[]> {
      const rows = await db.chatMessage.findMany({
        where: { roomId: this.roomId, changeSeq: { gt: after } },
        orderBy: { changeSeq: "asc" },
        take: CHAT_CATCH_UP_PAGE,
        select: messageSelect,
      });
      return rows.map((row) => ({ id: row.changeSeq, event: { kind: "message", message: toMessage(row) } }));
    }

    // Read after listening starts (by primary key), so nothing falls between the two.
    async headId(): Promise<number> {
      const room = await db.chatRoom.findUniqueOrThrow({ where: { id: this.roomId }, select: { changeSeq: true } });
      return room.changeSeq;
    }

    idOf(item: RoomItem): number {
      return item.id ?? 0;
    }

    iterate(signal: AbortSignal): AsyncIterable<RoomItem> {
      return streamSource(bus, this, signal);
    }
  }

  /** "My room list changed": the client refetches its list on it (a busy room's burst is one signal per 300 ms). */
  const inboxItem = itemPerEvent<{ roomId: number }>();
  const inboxSignal = (event: TEventEnvelope) =>
    event.type === "chat.inbox" ? inboxItem(event, () => ({ roomId: event.data.roomId })) : null;

  return {
    async inbox(viewer) {
      const rooms = await shapeRooms(viewer, null);
      return { rooms, unreadTotal: rooms.reduce((sum, room) => sum + room.unreadCount, 0) };
    },

    // shapeRooms keeps only my rooms without a block in the way: NOT_FOUND otherwise.
    room: (viewer, roomId) => oneRoom(viewer, roomId),

    async openDirect(viewer, userId) {
      if (userId === viewer.userId) {
        throw new AppError("VALIDATION", m.cannotMessageSelf, { fieldErrors: { userId: [m.cannotMessageSelf] } });
      }
      const other = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
      if (!other) throw new AppError("NOT_FOUND", m.noSuchUser);
      if (await blockedBetween(db, viewer.userId, userId)) throw new AppError("FORBIDDEN", m.blocked);
      const directKey = directKeyOf(viewer.userId, userId);
      const existing = await db.chatRoom.findUnique({ where: { directKey }, select: { id: true } });
      let roomId = existing?.id;
      if (roomId === undefined) {
        // Opening needs a follow; once the room exists, either side may write in it.
        const follows = await db.follow.count({ where: { followerId: viewer.userId, followeeId: userId } });
        if (follows === 0) throw new AppError("FORBIDDEN", m.followFirst);
        try {
          const opened = await db.$transaction(async (tx) => {
            const room = await tx.chatRoom.create({
              data: {
                kind: "direct",
                directKey,
                members: { create: [{ userId: viewer.userId }, { userId }] },
              },
              select: { id: true },
            });
            // The other person hears that someone started a conversation with them.
            const id = await notify(tx, {
              recipientId: userId,
              actorId: viewer.userId,
              type: "chat_opened",
              roomId: room.id,
              groupKey: groupKeys.chatOpened(room.id),
            });
            return { roomId: room.id, changed: [{ recipientId: userId, id }] };
          });
          roomId = opened.roomId;
          await publishNotifications(db, bus, opened.changed);
        } catch (error) {
          // Both opened it at the same instant: the other one made it.
          if (!isUniqueViolation(error)) throw error;
          roomId = (await db.chatRoom.findUniqueOrThrow({ where: { directKey }, select: { id: true } })).id;
        }
        await publishInboxChanged(bus, [viewer.userId, userId], roomId);
      } else {
        // Reopening brings a room I left back to my list.
        await db.chatMember.updateMany({
          where: { roomId, userId: viewer.userId },
          data: { hiddenUpToSeq: null },
        });
      }
      return oneRoom(viewer, roomId);
    },

    async history(viewer, input) {
      // The change number first: anything after it reaches a stream started from it.
      const room = await memberRoom(db, viewer, input.roomId);
      const [rows, reads] = await Promise.all([
        db.chatMessage.findMany({
          where: { roomId: input.roomId, ...(input.cursor ? { seq: { lt: input.cursor } } : {}) },
          orderBy: { seq: "desc" },
          take: input.limit + 1,
          select: messageSelect,
        }),
        db.chatMember.findMany({
          where: { roomId: input.roomId, userId: { not: viewer.userId } },
          select: { userId: true, lastReadSeq: true },
        }),
      ]);
      return {
        items: rows.slice(0, input.limit).reverse().map(toMessage),
        hasMore: rows.length > input.limit,
        reads: reads.map((r) => ({ userId: r.userId, seq: r.lastReadSeq })),
        headChangeSeq: room.changeSeq,
      };
    },

    async send(viewer, input) {
      // Per person, all rooms together, retries included: a flood is refused before any work.
      await enforce(limiter, [[`chat-send:${viewer.userId}`, deps.sendLimit]]);
      const findSent = async () => {
        const row = await db.chatMessage.findUnique({
          where: { roomId_clientId: { roomId: input.roomId, clientId: input.clientId } },
          select: { ...messageSelect, authorId: true },
        });
        if (row && row.authorId !== viewer.userId) throw new AppError("CONFLICT", m.noSuchMessage);
        return row;
      };
      // Sending is the hot path. A text message is one statement — membership and
      // block check, numbering under the room's row lock, the insert, my read point,
      // the members and my public profile — atomic on its own, so the lock is held
      // for one statement and the room's numbers follow commit order. Pictures take
      // the transaction below (their ownership is checked first).
      let sent: { changeSeq: number; row: MessageRow; members: string[] };
      try {
        sent = await inRoomOrder(input.roomId, () =>
          input.imageIds.length === 0 ? sendText(viewer, input) : sendWithImages(viewer, input),
        );
      } catch (error) {
        // A retry of a message already stored (or racing its first attempt): the insert
        // lost on (room, clientId) and rolled back its numbers, so the room has no gap
        // and nothing new is stored; answer the stored one. Members only: membership
        // is checked before the insert is reached.
        if (!isUniqueViolation(error)) throw error;
        const stored = await findSent();
        if (!stored) throw error;
        return toMessage(stored);
      }
      const message = toMessage(sent.row);
      await published(sent.changeSeq, message, sent.members);
      await tellMentioned(viewer, message);
      return message;
    },

    async edit(viewer, input) {
      const message = await changeMessage(viewer, input.roomId, input.seq, async (tx, id) => {
        await tx.chatMessage.update({ where: { id }, data: { body: input.body, editedAt: new Date() } });
      });
      await tellMentioned(viewer, message);
      return message;
    },

    delete: (viewer, ref) =>
      changeMessage(viewer, ref.roomId, ref.seq, async (tx, id) => {
        await tx.chatMessage.update({ where: { id }, data: { body: "", deletedAt: new Date() } });
        const images = await tx.chatMessageImage.findMany({ where: { messageId: id }, select: { uploadId: true } });
        return dropUploads(
          tx,
          images.map((image) => image.uploadId),
        );
      }),

    async markRead(viewer, roomId, seq) {
      const room = await memberRoom(db, viewer, roomId);
      const upTo = Math.min(seq, room.messageSeq);
      // Only forward: a stale tab cannot move my read point back.
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
    },

    async typing(viewer, roomId) {
      await memberRoom(db, viewer, roomId);
      const hit = await limiter.hit(`typing:${viewer.userId}:${roomId}`, { limit: 1, windowMs: TYPING_EVERY_MS });
      if (!hit.allowed) return;
      const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: publicUserSelect });
      await bus.publish(channels.chatRoom(roomId), { v: 1, type: "chat.typing", data: { roomId, user } });
    },

    async hide(viewer, roomId) {
      const room = await memberRoom(db, viewer, roomId);
      await db.chatMember.update({
        where: { roomId_userId: { roomId, userId: viewer.userId } },
        data: { hiddenUpToSeq: room.messageSeq },
      });
      await publishInboxChanged(bus, [viewer.userId], roomId);
    },

    async mute(viewer, { roomId, muted }) {
      await memberRoom(db, viewer, roomId);
      await db.chatMember.update({ where: { roomId_userId: { roomId, userId: viewer.userId } }, data: { muted } });
      // My other tabs show the bell as it now is.
      await publishInboxChanged(bus, [viewer.userId], roomId);
      return oneRoom(viewer, roomId);
    },

    async streamRoom(viewer, roomId, afterChangeSeq, signal) {
      // Checked before anything streams: a non-member learns nothing, not even that it exists.
      await memberRoom(db, viewer, roomId);
      return LiveFeed.of(new RoomSource(roomId, viewer.userId, afterChangeSeq), signal);
    },

    streamInbox(viewer, signal) {
      return signalFeed(bus, channels.chatUser(viewer.userId), inboxSignal, signal);
    },
  };
}
