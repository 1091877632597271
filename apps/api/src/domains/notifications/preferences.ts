import {
  notificationCategories,
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
