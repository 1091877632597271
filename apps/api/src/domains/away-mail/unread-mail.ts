import { createElement } from "react";
import type { Prisma } from "@orgo/db";
import { addJob } from "../../platform/jobs/job-queue.js";
import { asLanguage, clip, say } from "../notifications/outside-texts.js";
import { hasOpenTab, type AwayMailDeps } from "./away-mail-deps.js";
import { unsubscribeHeaders, unsubscribeUrl } from "./mail-links.js";
import { renderMail } from "./templates/render-mail.js";
import { UnreadMail, type UnreadRoom } from "./templates/unread-mail.js";

const DELAY_MS = { "15m": 15 * 60_000, "1h": 3600_000 } as const;
/** A mail lists at most this many rooms and lines per room: enough to know what waits. */
const ROOMS_PER_MAIL = 5;
const LINES_PER_ROOM = 3;

interface Waiting {
  roomId: number;
  floor: number;
  mailedUpToSeq: number;
  messageSeq: number;
  directKey: string | null;
  studyTitle: string | null;
}

interface Line {
  seq: number;
  body: string;
  createdAt: Date;
  author: string;
  authorId: string;
}

/**
 * "You have unread messages", for one person: rooms (not muted) with messages they
 * have not read nor been mailed about, from others they have not blocked (nor been
 * blocked by), hidden ones aside. Sent when the oldest such message has waited their
 * delay and no tab of theirs is open; else it waits for the newest not yet due. Each
 * message is mailed about once: the rooms' "mailed up to" moves before the mail is sent,
 * and back if sending fails (the job retries).
 */
export async function sendUnreadMail(deps: AwayMailDeps, userId: string): Promise<void> {
  const { db } = deps;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, emailVerifiedAt: true, unreadMail: true, language: true, suspendedAt: true },
  });
  // A suspended person cannot open OrGo to read them: no mail inviting them to.
  if (!user?.email || !user.emailVerifiedAt || user.unreadMail === "off" || user.suspendedAt) return;
  const delay = user.unreadMail === "1h" ? "1h" : "15m";
  const dueBefore = new Date(deps.now().getTime() - DELAY_MS[delay]);

  const waiting = await db.$queryRaw<Waiting[]>`
    select m."roomId", greatest(m."lastReadSeq", m."mailedUpToSeq") as floor, m."mailedUpToSeq",
           r."messageSeq", r."directKey", s.title as "studyTitle"
    from "ChatMember" m join "ChatRoom" r on r.id = m."roomId" left join "Study" s on s.id = r."studyId"
    where m."userId" = ${userId}::uuid and not m.muted
      and r."messageSeq" > greatest(m."lastReadSeq", m."mailedUpToSeq")
    order by r."lastMessageAt" desc`;
  if (waiting.length === 0) return;
  // A tab open anywhere: they will read it there. Asked again a delay later, while it waits.
  if (await hasOpenTab(deps, userId)) {
    await later(deps, userId, new Date(deps.now().getTime() + DELAY_MS[delay]));
    return;
  }
  const rooms: (UnreadRoom & { roomId: number; from: number; to: number; oldest: Date })[] = [];
  let notYetDue: Date | null = null;
  for (const room of waiting) {
    const lines = await unreadLines(deps, userId, room);
    if (lines.length === 0) continue;
    const oldest = lines[0]!.createdAt;
    if (oldest > dueBefore) {
      if (!notYetDue || oldest < notYetDue) notYetDue = oldest;
      continue;
    }
    const peer = room.directKey ? lines.find((line) => line.authorId !== userId)?.author : null;
    rooms.push({
      roomId: room.roomId,
      from: room.mailedUpToSeq,
      to: room.messageSeq,
      oldest,
      title: peer ?? room.studyTitle ?? "",
      url: new URL(`/chat/${room.roomId}`, deps.publicOrigin()).toString(),
      lines: lines.slice(0, LINES_PER_ROOM).map((line) => ({ author: line.author, body: clip(line.body, 200) })),
      more: Math.max(0, lines.length - LINES_PER_ROOM),
    });
  }
  if (notYetDue) await later(deps, userId, new Date(notYetDue.getTime() + DELAY_MS[delay]));
  if (rooms.length === 0) return;

  const claimed = await claim(deps, userId, rooms);
  if (claimed.length === 0) return;
  const language = asLanguage(user.language);
  const total = claimed.reduce((sum, room) => sum + room.lines.length + room.more, 0);
  const stopUrl = unsubscribeUrl(deps.publicOrigin(), deps.linkSecret, userId, "unreadMail");
  const { html, text } = await renderMail(
    createElement(UnreadMail, {
      language,
      total,
      rooms: claimed.slice(0, ROOMS_PER_MAIL),
      delay,
      openUrl: new URL("/chat", deps.publicOrigin()).toString(),
      stopUrl,
      settingsUrl: new URL("/settings/notifications", deps.publicOrigin()).toString(),
    }),
  );
  try {
    await deps.mailer.send({
      to: user.email,
      subject: say(language, "mail.unread.subject", { count: total }),
      text,
      html,
      headers: unsubscribeHeaders(stopUrl),
    });
  } catch (error) {
    await release(deps, userId, claimed);
    throw error;
  }
}

/** The unread lines of one room for this person, oldest first (at most a page of them). */
async function unreadLines(deps: AwayMailDeps, userId: string, room: Waiting): Promise<Line[]> {
  return deps.db.$queryRaw<Line[]>`
    select msg.seq, msg.body, msg."createdAt", a."displayName" as author, a.id::text as "authorId"
    from "ChatMessage" msg join "User" a on a.id = msg."authorId"
    where msg."roomId" = ${room.roomId} and msg.seq > ${room.floor}
      and msg."authorId" <> ${userId}::uuid
      and msg."deletedAt" is null and msg."hiddenAt" is null and a."contentHiddenAt" is null
      and not exists (select 1 from "Block" b
        where (b."blockerId" = ${userId}::uuid and b."blockedId" = msg."authorId")
           or (b."blockerId" = msg."authorId" and b."blockedId" = ${userId}::uuid))
    order by msg.seq asc limit 50`;
}

/** Moves each room's "mailed up to" from what was read to its newest message; a room another run moved is left out. */
async function claim<R extends { roomId: number; from: number; to: number }>(
  deps: AwayMailDeps,
  userId: string,
  rooms: R[],
): Promise<R[]> {
  return deps.db.$transaction(async (tx: Prisma.TransactionClient) => {
    const kept: R[] = [];
    for (const room of rooms) {
      const moved = await tx.$executeRaw`
        update "ChatMember" set "mailedUpToSeq" = ${room.to}
        where "roomId" = ${room.roomId} and "userId" = ${userId}::uuid and "mailedUpToSeq" = ${room.from}`;
      if (moved === 1) kept.push(room);
    }
    return kept;
  });
}

/** The mail did not go: the rooms are unmailed again, for the retry. */
async function release(deps: AwayMailDeps, userId: string, rooms: { roomId: number; from: number; to: number }[]) {
  await deps.db.$transaction(async (tx: Prisma.TransactionClient) => {
    for (const room of rooms) {
      await tx.$executeRaw`
        update "ChatMember" set "mailedUpToSeq" = ${room.from}
        where "roomId" = ${room.roomId} and "userId" = ${userId}::uuid and "mailedUpToSeq" = ${room.to}`;
    }
  });
}

/** Messages not yet due: this person's mail is asked for again when they are. */
async function later(deps: AwayMailDeps, userId: string, at: Date) {
  await deps.db.$transaction((tx) =>
    addJob(
      tx,
      "mail:unread",
      { userId },
      { runAt: at, jobKey: `mail:unread:${userId}`, jobKeyMode: "preserve_run_at" },
    ),
  );
}
