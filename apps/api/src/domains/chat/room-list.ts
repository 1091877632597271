import type { TChatRoom, TViewer } from "@orgo/api-contract";
import { publicUserSelect } from "../users/public-user.js";
import type { ChatDeps } from "./chat-deps.js";
import { messageSelect, shapeMessage } from "./message-row.js";
import { noSuchRoom, peerOf } from "./member-room.js";

/**
 * The rooms of my list (or the ones asked for), shaped, in a fixed number of queries
 * whatever their number. A block hides a one-to-one room; a room I left is hidden
 * until a newer message arrives (asking for it by id still finds it).
 */
export async function roomList(
  { db, storage }: Pick<ChatDeps, "db" | "storage">,
  viewer: TViewer,
  roomIds: number[] | null,
): Promise<TChatRoom[]> {
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
  const roomIdsOfMine = memberships.map((mb) => mb.room.id);
  const [peers, blocks, lastMessages, peerReads, mentions] = await Promise.all([
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
    // The newest mention of me (or reply to me) per room: its key ends with the message's seq.
    db.$queryRaw<{ roomId: number; groupKey: string }[]>`
      select distinct on ("roomId") "roomId", "groupKey" from "Notification"
      where "recipientId" = ${me}::uuid and "roomId" = any(${roomIdsOfMine}::int[])
        and type in ('mention', 'message_reply')
      order by "roomId", id desc`,
  ]);
  const mentionByRoom = new Map(mentions.map((row) => [row.roomId, Number(row.groupKey.split(":").at(-1))]));
  const peerById = new Map(peers.map((p) => [p.id, p]));
  const blocked = new Set(blocks.map((b) => (b.blockerId === me ? b.blockedId : b.blockerId)));
  const lastByRoom = new Map(lastMessages.map((row) => [row.roomId, shapeMessage(row, storage)]));
  const peerReadByRoom = new Map(peerReads.map((r) => [r.roomId, r.lastReadSeq]));
  return memberships
    .filter((mb) => {
      const peer = peerOf(mb.room, me);
      if (peer && blocked.has(peer)) return false;
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
        lastMentionSeq: mentionByRoom.get(mb.room.id) ?? null,
      } satisfies TChatRoom;
    })
    .sort((a, b) => (b.lastMessageAt?.getTime() ?? 0) - (a.lastMessageAt?.getTime() ?? 0) || b.id - a.id);
}

/** One room of my list; NOT_FOUND unless I am a member and no block hides it. */
export async function listedRoom(deps: Pick<ChatDeps, "db" | "storage">, viewer: TViewer, roomId: number) {
  const [room] = await roomList(deps, viewer, [roomId]);
  if (!room) throw noSuchRoom();
  return room;
}
