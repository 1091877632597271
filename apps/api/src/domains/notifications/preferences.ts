import {
  notificationCategories,
  type TDelivery,
  type TAlert,
  type TNotificationCategory,
  type TNotificationPreferences,
} from "@orgo/api-contract";
import type { Db } from "@orgo/db";

const on: TAlert = { inApp: true, desktop: true };
const off: TAlert = { inApp: false, desktop: false };

/** A person's preferences: a row per category they changed, everything else on. */
export async function loadPreferences(db: Db, userId: string): Promise<TNotificationPreferences> {
  const [rows, user] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { notificationsPausedUntil: true } }),
  ]);
  const set = new Map(rows.map((row) => [row.category, { inApp: row.inApp, desktop: row.desktop }]));
  const pausedUntil = user.notificationsPausedUntil;
  return {
    categories: Object.fromEntries(
      notificationCategories.map((category) => [category, category === "moderation" ? on : (set.get(category) ?? on)]),
    ) as TNotificationPreferences["categories"],
    pausedUntil: pausedUntil && pausedUntil.getTime() > Date.now() ? pausedUntil : null,
  };
}

/**
 * How to announce a new notification to each of these people, decided on the server
 * when it is published: their setting for its category, and nothing while paused.
 * Two queries however many recipients.
 */
export async function alertsFor(
  db: Db,
  recipientIds: string[],
  now = new Date(),
): Promise<(recipientId: string, category: TNotificationCategory) => TAlert> {
  const [rows, paused] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId: { in: recipientIds } } }),
    db.user.findMany({
      where: { id: { in: recipientIds }, notificationsPausedUntil: { gt: now } },
      select: { id: true },
    }),
  ]);
  const pausedIds = new Set(paused.map((user) => user.id));
  const set = new Map(rows.map((row) => [`${row.userId}:${row.category}`, { inApp: row.inApp, desktop: row.desktop }]));
  return (recipientId, category) =>
    pausedIds.has(recipientId)
      ? off
      : // Decisions about my reports, content and account are never switched off.
        category === "moderation"
        ? on
        : (set.get(`${recipientId}:${category}`) ?? on);
}

/** Where to alert someone: the app's toast and desktop notification, and push to their devices. */
export interface Reach extends TAlert {
  /** Their devices by Web Push: what would alert on the desktop, unless a tab of theirs is shown. */
  push: boolean;
}

/**
 * The one alert decision (ARCHITECTURE.md): preferences per kind, pause, and whether
 * they are looking at OrGo now. Blocks and room mutes are decided where the event is
 * made (`notify`, the room's members), before anyone is asked.
 */
export async function reachFor(
  db: Db,
  presence: { looking(userIds: string[]): Promise<Set<string>> },
  recipientIds: string[],
  now = new Date(),
): Promise<(recipientId: string, category: TNotificationCategory) => Reach> {
  const [alertOf, looking] = await Promise.all([alertsFor(db, recipientIds, now), presence.looking(recipientIds)]);
  return (recipientId, category) => {
    const alert = alertOf(recipientId, category);
    return { ...alert, push: alert.desktop && !looking.has(recipientId) };
  };
}

/** What reaches a person outside the app, as their settings page shows it. */
export async function loadDelivery(db: Db, userId: string): Promise<TDelivery> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      language: true,
      unreadMail: true,
      digest: true,
      pushHidesContent: true,
      email: true,
      emailVerifiedAt: true,
    },
  });
  return {
    // The database holds these to the contract's words (check constraints).
    language: user.language as TDelivery["language"],
    unreadMail: user.unreadMail as TDelivery["unreadMail"],
    digest: user.digest as TDelivery["digest"],
    pushHidesContent: user.pushHidesContent,
    mailReachable: user.email !== null && user.emailVerifiedAt !== null,
  };
}
