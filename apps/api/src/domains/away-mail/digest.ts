import { createElement } from "react";
import { notificationPath, notificationText, withQuote } from "@orgo/api-contract";
import { addJob } from "../../platform/jobs/job-queue.js";
import { notificationSelect, shapeNotification } from "../notifications/notification-row.js";
import { asLanguage, say, sayNotification } from "../notifications/outside-texts.js";
import { notificationVisibleWhere, postVisibleWhere } from "../visibility/visibility.js";
import { hasOpenTab, type AwayMailDeps } from "./away-mail-deps.js";
import { unsubscribeHeaders, unsubscribeUrl } from "./mail-links.js";
import { DigestMail } from "./templates/digest-mail.js";
import { renderMail } from "./templates/render-mail.js";

const DAY_MS = 24 * 3600_000;
const PERIOD_MS = { daily: DAY_MS, weekly: 7 * DAY_MS } as const;
/** People whose digest one hourly run queues: the next hour takes the rest. */
const DIGESTS_PER_RUN = 1_000;
const ITEMS = 8;
const POPULAR = 3;

/** What a digest tells: replies, mentions, comments, studies, mentoring (likes and follows are in the app). */
const digestTypes = { notIn: ["like", "comment_like", "follow"] };

/**
 * Hourly: everyone whose digest is due — on, a verified address, none considered for
 * a period, and not seen for a period (Session.lastSeenAt, written hourly) — gets a
 * `mail:digest` job; its key makes a person's job one however often this runs.
 */
export async function queueDigests(deps: AwayMailDeps): Promise<void> {
  const now = deps.now();
  const due = await deps.db.$queryRaw<{ id: string }[]>`
    select u.id::text from "User" u
    where u.digest <> 'off' and u."emailVerifiedAt" is not null and u.email is not null and u."suspendedAt" is null
      and coalesce(u."lastDigestAt", u."createdAt") <= ${now}::timestamptz - (case u.digest when 'daily' then interval '1 day' else interval '7 days' end)
      and coalesce((select max(s."lastSeenAt") from "Session" s where s."userId" = u.id), u."createdAt")
          <= ${now}::timestamptz - (case u.digest when 'daily' then interval '1 day' else interval '7 days' end)
    limit ${DIGESTS_PER_RUN}`;
  if (due.length === 0) return;
  await deps.db.$transaction(async (tx) => {
    for (const { id } of due) await addJob(tx, "mail:digest", { userId: id }, { jobKey: `mail:digest:${id}` });
  });
}

/**
 * One person's digest: what reached them since they were last here or last had a
 * digest, unread, and the posts liked most among people they follow meanwhile. The
 * digest is marked considered before it is sent (so two runs send one), back if
 * sending fails; an empty one is considered and not sent.
 */
export async function sendDigest(deps: AwayMailDeps, userId: string): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      emailVerifiedAt: true,
      digest: true,
      language: true,
      lastDigestAt: true,
      createdAt: true,
      suspendedAt: true,
      sessions: { orderBy: { lastSeenAt: "desc" }, take: 1, select: { lastSeenAt: true } },
    },
  });
  if (
    !user?.email ||
    !user.emailVerifiedAt ||
    user.suspendedAt ||
    (user.digest !== "daily" && user.digest !== "weekly")
  )
    return;
  const period = PERIOD_MS[user.digest];
  const lastSeen = user.sessions[0]?.lastSeenAt ?? user.createdAt;
  // Active since (or here now): what happened is in the app, not in a mail.
  if (now.getTime() - lastSeen.getTime() < period || (await hasOpenTab(deps, userId))) return;
  if (user.lastDigestAt && now.getTime() - user.lastDigestAt.getTime() < period) return;
  const since = new Date(Math.max(lastSeen.getTime(), user.lastDigestAt?.getTime() ?? 0));

  const claimed = await db.user.updateMany({
    where: { id: userId, lastDigestAt: user.lastDigestAt },
    data: { lastDigestAt: now },
  });
  if (claimed.count === 0) return;
  const language = asLanguage(user.language);
  const origin = deps.publicOrigin();
  const [rows, forYouCount, popular] = await Promise.all([
    db.notification.findMany({
      where: {
        recipientId: userId,
        readAt: null,
        updatedAt: { gt: since },
        type: digestTypes,
        ...notificationVisibleWhere(userId),
      },
      orderBy: { updatedAt: "desc" },
      take: ITEMS,
      select: notificationSelect,
    }),
    db.notification.count({
      where: {
        recipientId: userId,
        readAt: null,
        updatedAt: { gt: since },
        type: digestTypes,
        ...notificationVisibleWhere(userId),
      },
    }),
    db.post.findMany({
      where: {
        AND: [
          { createdAt: { gt: since }, likeCount: { gt: 0 }, author: { followers: { some: { followerId: userId } } } },
          postVisibleWhere(userId),
        ],
      },
      orderBy: [{ likeCount: "desc" }, { id: "desc" }],
      take: POPULAR,
      select: { id: true, title: true, likeCount: true, author: { select: { displayName: true } } },
    }),
  ]);
  if (rows.length === 0 && popular.length === 0) return;
  const say_ = sayNotification(language);
  const frequency = user.digest;
  const stopUrl = unsubscribeUrl(origin, deps.linkSecret, userId, "digest");
  const { html, text } = await renderMail(
    createElement(DigestMail, {
      language,
      frequency,
      forYou: rows.map((row) => {
        const n = shapeNotification(row);
        return {
          text: notificationText(n, say_),
          detail: withQuote(n.excerpt, (n.post ?? n.study)?.title ?? ""),
          url: new URL(notificationPath(n), origin).toString(),
        };
      }),
      moreForYou: Math.max(0, forYouCount - rows.length),
      popular: popular.map((post) => ({
        title: post.title,
        author: post.author.displayName,
        likes: post.likeCount,
        url: new URL(`/posts/${post.id}`, origin).toString(),
      })),
      openUrl: origin,
      stopUrl,
      settingsUrl: new URL("/settings/notifications", origin).toString(),
    }),
  );
  try {
    await deps.mailer.send({
      to: user.email,
      subject: say(language, "mail.digest.subject"),
      text,
      html,
      headers: unsubscribeHeaders(stopUrl),
    });
  } catch (error) {
    await db.user.updateMany({ where: { id: userId, lastDigestAt: now }, data: { lastDigestAt: user.lastDigestAt } });
    throw error;
  }
}
