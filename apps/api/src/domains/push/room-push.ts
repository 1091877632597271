import type { Prisma } from "@orgo/db";
import { asLanguage, say, type Language } from "../notifications/outside-texts.js";
import { reachFor } from "../notifications/preferences.js";
import { scheduleUnreadMail } from "../away-mail/unread-mail-schedule.js";
import type { PushDeps } from "./push-deps.js";
import { badgeOf, clip, queueSends } from "./push-payload.js";

/** Newest messages one push looks at: a burst longer than this is "N new messages" all the same. */
const MESSAGES_PER_PUSH = 50;

interface Member {
  userId: string;
  floor: number;
  muted: boolean;
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
 * New messages in a room, a moment after a burst began: each member gets one push
 * for what they have neither read nor been pushed (never their own messages, nor
 * those of someone either of them blocked, nor hidden ones), when the room is not
 * muted, chat alerts them on the desktop, they are not paused and not looking at
 * OrGo. Each member's "pushed up to" moves in the same transaction as the sends, so a
 * message is considered once; members who get mail for unread messages have it
 * scheduled here too.
 */
export async function pushRoom(deps: PushDeps, roomId: number): Promise<void> {
  const { db } = deps;
  const members = await db.$queryRaw<Member[]>`
    select m."userId"::text as "userId", greatest(m."lastReadSeq", m."pushedUpToSeq") as floor, m.muted,
           u.language, u."pushHidesContent",
           array(select d.id from "PushDevice" d where d."userId" = m."userId") as devices
    from "ChatMember" m join "ChatRoom" r on r.id = m."roomId" join "User" u on u.id = m."userId"
    where m."roomId" = ${roomId} and r."messageSeq" > greatest(m."lastReadSeq", m."pushedUpToSeq")`;
  if (members.length === 0) return;
  const lowest = Math.min(...members.map((member) => member.floor));
  const [messages, blocks, room] = await Promise.all([
    db.$queryRaw<Message[]>`
      select msg.seq, msg."authorId"::text as "authorId", msg.body, msg."createdAt", a."displayName"
      from "ChatMessage" msg join "User" a on a.id = msg."authorId"
      where msg."roomId" = ${roomId} and msg.seq > ${lowest}
        and msg."deletedAt" is null and msg."hiddenAt" is null and a."contentHiddenAt" is null
      order by msg.seq desc limit ${MESSAGES_PER_PUSH}`,
    db.block.findMany({
      where: {
        OR: [{ blockerId: { in: members.map((m) => m.userId) } }, { blockedId: { in: members.map((m) => m.userId) } }],
      },
      select: { blockerId: true, blockedId: true },
    }),
    db.chatRoom.findUnique({ where: { id: roomId }, select: { directKey: true, study: { select: { title: true } } } }),
  ]);
  if (!room) return;
  const blocked = new Set(blocks.flatMap((b) => [`${b.blockerId}:${b.blockedId}`, `${b.blockedId}:${b.blockerId}`]));
  const newest = messages[0]?.seq ?? lowest;
  const reach = await reachFor(
    db,
    deps.presence,
    members.map((m) => m.userId),
    deps.now(),
  );

  const sends: { deviceIds: number[]; payload: Parameters<typeof queueSends>[2] }[] = [];
  const unreadSince = new Map<string, Date>();
  for (const member of members) {
    const news = messages.filter(
      (msg) =>
        msg.seq > member.floor && msg.authorId !== member.userId && !blocked.has(`${member.userId}:${msg.authorId}`),
    );
    if (news.length === 0 || member.muted) continue;
    unreadSince.set(member.userId, news.at(-1)!.createdAt);
    if (member.devices.length === 0 || !reach(member.userId, "chat").push) continue;
    const language = asLanguage(member.language);
    sends.push({
      deviceIds: member.devices,
      payload: {
        ...texts(language, member.pushHidesContent, room.directKey !== null, room.study?.title ?? "", news),
        url: `/chat/${roomId}`,
        tag: `orgo-room-${roomId}`,
        badge: await badgeOf(db, member.userId),
      },
    });
  }
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.$executeRaw`
      update "ChatMember" set "pushedUpToSeq" = ${newest}
      where "roomId" = ${roomId} and "pushedUpToSeq" < ${newest}
        and "userId" = any(${members.map((m) => m.userId)}::uuid[])`;
    for (const send of sends) await queueSends(tx, send.deviceIds, send.payload, "high");
    await scheduleUnreadMail(tx, unreadSince);
  });
}

/** "Mia" / "Mia: see you at 7", or in a study room "Rust study" / "3 new messages · Mia: see you at 7". */
function texts(language: Language, hide: boolean, direct: boolean, studyTitle: string, news: Message[]) {
  const latest = news[0]!;
  const count = news.length;
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
