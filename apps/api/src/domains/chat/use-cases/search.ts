import type { TChatSearchInput, TChatSearchPage, TViewer } from "@orgo/api-contract";
import { Prisma } from "@orgo/db";
import { publicUserSelect } from "../../users/public-user.js";
import { likePattern, snippetOf } from "../../../platform/text-match.js";
import type { ChatDeps } from "../chat-deps.js";
import { blockInRoom, memberRoom, peerOf } from "../member-room.js";

/**
 * My messages' search. The rooms searched are the rooms of my list: a member now, no
 * block between the two people of a one-to-one room, not left (hidden) with nothing
 * newer since. Messages deleted or hidden by moderators, by a hidden account, or by
 * someone a block stands between me and are never found. It scans my rooms' messages
 * through their (roomId, …) keys: the cost follows the rooms I am in, not the table
 * (docs/chat.md has the plans, the figures and why no trigram index).
 */
export async function search(
  { db }: Pick<ChatDeps, "db">,
  viewer: TViewer,
  input: TChatSearchInput,
): Promise<TChatSearchPage> {
  const me = viewer.userId;
  // A room asked for by id that is not mine is refused as everywhere else in chat.
  if (input.roomId) await memberRoom(db, viewer, input.roomId);
  const pattern = likePattern(input.q);
  const ids = await db.$queryRaw<{ id: number }[]>`
    with mine as (
      select m."roomId" from "ChatMember" m join "ChatRoom" r on r.id = m."roomId"
      where m."userId" = ${me}::uuid
        and (m."hiddenUpToSeq" is null or r."messageSeq" > m."hiddenUpToSeq")
        and not ${blockInRoom}
        ${input.roomId ? Prisma.sql`and m."roomId" = ${input.roomId}` : Prisma.empty}
    )
    select c.id from "ChatMessage" c
    where c."roomId" in (select "roomId" from mine)
      and c."deletedAt" is null and c."hiddenAt" is null
      and lower(c.body) like ${pattern}
      ${input.authorId ? Prisma.sql`and c."authorId" = ${input.authorId}::uuid` : Prisma.empty}
      ${input.cursor ? Prisma.sql`and c.id < ${input.cursor}` : Prisma.empty}
      and not exists (
        select 1 from "Block" b
        where (b."blockerId" = ${me}::uuid and b."blockedId" = c."authorId")
           or (b."blockedId" = ${me}::uuid and b."blockerId" = c."authorId"))
      and not exists (select 1 from "User" u where u.id = c."authorId" and u."contentHiddenAt" is not null)
    order by c.id desc
    limit ${input.limit + 1}`;
  const page = ids.slice(0, input.limit).map((row) => row.id);
  const rows = page.length
    ? await db.chatMessage.findMany({
        where: { id: { in: page } },
        select: {
          id: true,
          roomId: true,
          seq: true,
          body: true,
          createdAt: true,
          author: { select: publicUserSelect },
          room: { select: { kind: true, directKey: true, study: { select: { title: true } } } },
        },
      })
    : [];
  const peerIds = [...new Set(rows.map((row) => peerOf(row.room, me)).filter((id): id is string => id !== null))];
  const peers = peerIds.length
    ? await db.user.findMany({ where: { id: { in: peerIds } }, select: { id: true, displayName: true } })
    : [];
  const peerName = new Map(peers.map((peer) => [peer.id, peer.displayName]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    items: page.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const peer = peerOf(row.room, me);
      return [
        {
          roomId: row.roomId,
          roomKind: row.room.kind === "direct" ? ("direct" as const) : ("study" as const),
          roomTitle: row.room.study?.title ?? (peer ? (peerName.get(peer) ?? "") : ""),
          seq: row.seq,
          author: row.author,
          createdAt: row.createdAt,
          snippet: snippetOf(row.body, input.q),
        },
      ];
    }),
    nextCursor: ids.length > input.limit ? (page.at(-1) ?? null) : null,
  };
}
