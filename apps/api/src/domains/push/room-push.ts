import type { Prisma } from "@orgo/db";
import type { TPushPayload } from "@orgo/api-contract";
import { asLanguage, clip, say, type Language } from "../notifications/outside-texts.js";
import { reachFor } from "../notifications/preferences.js";
import { scheduleUnreadMail } from "../away-mail/unread-mail-schedule.js";
import type { PushDeps } from "./push-deps.js";
import { badgeOf, queueSends } from "./push-payload.js";

/** Rooms one sweep takes; a fuller backlog is swept again at once. */
export const ROOMS_PER_SWEEP = 500;
/** Newest messages one push looks at: a burst longer than this is "N new messages" all the same. */
const MESSAGES_PER_PUSH = 50;

interface Room {
  id: number;
  /** The newest message the last sweep looked at: only messages after it are news now. */
  swept: number;
  /** The newest message when this sweep began: what it covers. */
  seq: number;
}

interface Member {
  roomId: number;
  userId: string;
  /** Their read mark: everything after it is unread (the push counts it all). */
  floor: number;
  /** The newest message an unread-messages mail told them of. */
  mailed: number;
  language: string;
  pushHidesContent: boolean;
  devices: number[];
}

interface Message {
  seq: number;
  authorId: string;
  body: string;
  createdAt: Date;
  displayName: string;
}

/**
 * Every room with messages no sweep has looked at yet, a few seconds after they were
 * sent (the `push:rooms` job runs every PUSH_SWEEP_SECONDS on one process at a time):
 * each member with news unread (never their own messages, those of someone either of
 * them blocked, or hidden ones) gets one push per room, counting all they have unread
 * there, when the room is not muted, chat alerts them on the desktop, they are not
 * paused and not looking at OrGo; members who get mail for unread messages have it
 * scheduled. Nothing of this is on the send path: a message costs no job, no NOTIFY
 * and no lock (docs/live.md). The room's sweep mark moves in the same transaction as
 * the sends, so a message is news once. Answers how many rooms it swept.
 */
export async function pushRooms(deps: PushDeps): Promise<number> {
  const { db } = deps;
  // Read only on the rooms: a send's lock on its room never waits for the sweep.
  const rooms = await db.$queryRaw<Room[]>`
    select r.id, coalesce(s.seq, 0) as swept, r."messageSeq" as seq
    from "ChatRoom" r left join "RoomSweep" s on s."roomId" = r.id
    where r."messageSeq" > coalesce(s.seq, 0)
    order by r.id limit ${ROOMS_PER_SWEEP}`;
  if (rooms.length === 0) return 0;
  const ids = rooms.map((room) => room.id);
  const seqs = rooms.map((room) => room.seq);
  // Only members with something unread, and something that can reach them: a device,
  // or the unread-messages mail.
  const members = await db.$queryRaw<Member[]>`
    select m."roomId", m."userId"::text as "userId", m."lastReadSeq" as floor, m."mailedUpToSeq" as mailed,
           u.language, u."pushHidesContent",
           array(select d.id from "PushDevice" d where d."userId" = m."userId") as devices
    from unnest(${ids}::int[], ${seqs}::int[]) as sweep(room, seq)
    join "ChatMember" m on m."roomId" = sweep.room
    join "User" u on u.id = m."userId"
    where sweep.seq > m."lastReadSeq" and not m.muted
      and (exists (select 1 from "PushDevice" d where d."userId" = m."userId")
           or (u."unreadMail" <> 'off' and u."emailVerifiedAt" is not null and u.email is not null))`;

  const sends: { deviceIds: number[]; payload: TPushPayload }[] = [];
  const unreadSince = new Map<string, Date>();
  if (members.length > 0) {
    // (Map.groupBy arrived after Node 20.)
    const byRoom = new Map<number, Member[]>();
    for (const member of members) byRoom.set(member.roomId, [...(byRoom.get(member.roomId) ?? []), member]);
    const [blocked, reach] = await Promise.all([
      blockedPairs(deps, [...new Set(members.map((m) => m.userId))]),
      reachFor(
        db,
        deps.presence,
        [...new Set(members.filter((m) => m.devices.length > 0).map((m) => m.userId))],
        deps.now(),
      ),
    ]);
    for (const room of rooms) {
      const inRoom = byRoom.get(room.id);
      if (!inRoom) continue;
      const [messages, about] = await Promise.all([
        newMessages(deps, room, Math.min(...inRoom.map((m) => m.floor))),
        db.chatRoom.findUnique({
          where: { id: room.id },
          select: { directKey: true, study: { select: { title: true } } },
        }),
      ]);
      for (const member of inRoom) {
        const unread = messages.filter(
          (msg) =>
            msg.seq > member.floor &&
            msg.authorId !== member.userId &&
            !blocked.has(`${member.userId}:${msg.authorId}`),
        );
        // Told once: only a message no earlier sweep saw makes a push or a mail.
        const news = unread.filter((msg) => msg.seq > room.swept);
        if (news.length === 0) continue;
        // Their unread mail is asked for when unread (and unmailed) messages begin: a
        // later sweep finds it already on its way (it waits for the newest itself).
        if (Math.max(member.floor, member.mailed) >= room.swept) {
          const since = news.at(-1)!.createdAt;
          const earlier = unreadSince.get(member.userId);
          if (!earlier || since < earlier) unreadSince.set(member.userId, since);
        }
        if (member.devices.length === 0 || !reach(member.userId, "chat").push) continue;
        const language = asLanguage(member.language);
        sends.push({
          deviceIds: member.devices,
          payload: {
            ...texts(language, member.pushHidesContent, about?.directKey != null, about?.study?.title ?? "", unread),
            url: `/chat/${room.id}`,
            tag: `orgo-room-${room.id}`,
            badge: await badgeOf(db, member.userId),
          },
        });
      }
    }
  }
  // A tab open anywhere: they will read it there, and their mail would not be due.
  if (unreadSince.size > 0) {
    for (const presence of await deps.presence.get([...unreadSince.keys()])) {
      if (presence.state !== "offline") unreadSince.delete(presence.userId);
    }
  }
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    // Looked at up to the sweep's message: never again (a concurrent sweep moves it only forward).
    await tx.$executeRaw`
      insert into "RoomSweep" ("roomId", seq)
      select room, seq from unnest(${ids}::int[], ${seqs}::int[]) as sweep(room, seq)
      on conflict ("roomId") do update set seq = greatest("RoomSweep".seq, excluded.seq)`;
    for (const send of sends) await queueSends(tx, send.deviceIds, send.payload, "high");
    await scheduleUnreadMail(tx, unreadSince);
  });
  return rooms.length;
}

/** A room's newest messages after `floor` (up to the sweep's), newest first: what someone may be told. */
function newMessages({ db }: PushDeps, room: Room, floor: number) {
  return db.$queryRaw<Message[]>`
    select msg.seq, msg."authorId"::text as "authorId", msg.body, msg."createdAt", a."displayName"
    from "ChatMessage" msg join "User" a on a.id = msg."authorId"
    where msg."roomId" = ${room.id} and msg.seq > ${floor} and msg.seq <= ${room.seq}
      and msg."deletedAt" is null and msg."hiddenAt" is null and a."contentHiddenAt" is null
    order by msg.seq desc limit ${MESSAGES_PER_PUSH}`;
}

/** "a:b" for every pair where a block stands between these people and anyone (both ways). */
async function blockedPairs({ db }: PushDeps, userIds: string[]): Promise<Set<string>> {
  const blocks = await db.block.findMany({
    where: { OR: [{ blockerId: { in: userIds } }, { blockedId: { in: userIds } }] },
    select: { blockerId: true, blockedId: true },
  });
  return new Set(blocks.flatMap((b) => [`${b.blockerId}:${b.blockedId}`, `${b.blockedId}:${b.blockerId}`]));
}

/** "Mia" / "Mia: see you at 7", or in a study room "Rust study" / "3 new messages · Mia: see you at 7". */
function texts(language: Language, hide: boolean, direct: boolean, studyTitle: string, unread: Message[]) {
  const latest = unread[0]!;
  const count = unread.length;
  if (hide) {
    return {
      title: say(language, "app.name"),
      body: count > 1 ? say(language, "push.messages", { count }) : say(language, "push.newMessage"),
    };
  }
  const line = clip(direct ? latest.body : `${latest.displayName}: ${latest.body}`);
  return {
    title: direct ? latest.displayName : studyTitle,
    body: count > 1 ? `${say(language, "push.messages", { count })} · ${line}` : line,
  };
}
