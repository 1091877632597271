import {
  AppError,
  categoryOf,
  channels,
  serverMessages as m,
  type TChannel,
  type TEventEnvelope,
  type TNotificationEvent,
} from "@orgo/api-contract";
import { LiveFeed, type LiveSource, type NotificationService } from "@orgo/api-contract/server";
import type { Db, Prisma } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import { itemPerEvent, LIVE_MAX_QUEUE, streamSource } from "../../platform/live/live-stream.js";
import { notificationSelect, shapeNotification } from "./notification-row.js";
import { alertsFor, loadDelivery, loadPreferences } from "./preferences.js";
import { notificationVisibleWhere } from "../visibility/visibility.js";

/** Changes a reconnecting tab reads from the database per page. */
const NOTIFICATION_CATCH_UP_PAGE = 100;

const quiet = { inApp: false, desktop: false };

const unreadOf = (db: Db, recipientId: string) =>
  db.notification.count({ where: { recipientId, readAt: null, ...notificationVisibleWhere(recipientId) } });

/**
 * Tells the recipients' tabs, after the commit, which notifications changed: each
 * shaped for display with its change number and the recipient's unread count, on the
 * recipient's own channel.
 */
export async function publishNotifications(
  db: Db,
  bus: EventBus,
  changed: { recipientId: string; id: number | null }[],
) {
  const ids = changed.map((c) => c.id).filter((id): id is number => id !== null);
  if (ids.length === 0) return;
  const rows = await db.notification.findMany({ where: { id: { in: ids } }, select: notificationSelect });
  const recipients = new Map(changed.filter((c) => c.id !== null).map((c) => [c.id, c.recipientId]));
  // Oldest change first, so each recipient's stream hears them in order.
  rows.sort((a, b) => a.changeSeq - b.changeSeq);
  const unread = new Map<string, number>();
  for (const recipientId of new Set(recipients.values())) unread.set(recipientId, await unreadOf(db, recipientId));
  const alertOf = await alertsFor(db, [...unread.keys()]);
  for (const row of rows) {
    const recipientId = recipients.get(row.id)!;
    const notification = shapeNotification(row);
    await bus.publish(channels.notifications(recipientId), {
      v: 1,
      type: "notification.changed",
      data: {
        recipientId,
        changeSeq: row.changeSeq,
        notification,
        unreadCount: unread.get(recipientId)!,
        // A repeat grouped into this row changed it quietly: shown, not announced.
        alert: row.quietSeq === row.changeSeq ? quiet : alertOf(recipientId, categoryOf(notification.type)),
      },
    });
  }
}

/** Notifications a transaction stored: who gets each (a null id: nothing was stored, e.g. across a block). */
export type StoredNotifications = { recipientId: string; id: number | null }[];

/**
 * Runs `work` in one transaction; the notifications it stores (and pushes on `stored`)
 * reach their recipients' tabs after the commit, never before and never for a rollback.
 */
export async function withNotifications<T>(
  db: Db,
  bus: EventBus,
  work: (tx: Prisma.TransactionClient, stored: StoredNotifications) => Promise<T>,
): Promise<T> {
  const stored: StoredNotifications = [];
  const result = await db.$transaction((tx) => work(tx, stored));
  await publishNotifications(db, bus, stored);
  return result;
}

/**
 * After a commit that deleted notifications (`removed`: their ids and recipients):
 * each recipient's tabs drop them and take the new unread count.
 */
export async function publishRemovedNotifications(
  db: Db,
  bus: EventBus,
  removed: { id: number; recipientId: string }[],
) {
  const byRecipient = new Map<string, number[]>();
  for (const { id, recipientId } of removed)
    byRecipient.set(recipientId, [...(byRecipient.get(recipientId) ?? []), id]);
  for (const [recipientId, ids] of byRecipient) {
    const unreadCount = await unreadOf(db, recipientId);
    await bus.publish(channels.notifications(recipientId), {
      v: 1,
      type: "notification.removed",
      data: { recipientId, ids, unreadCount },
    });
  }
}

type Item = { id?: number; event: TNotificationEvent };

export function createNotificationService({ db, bus }: { db: Db; bus: EventBus }): NotificationService {
  // An event becomes the same item for every tab of its recipient on this process.
  const sharedItem = itemPerEvent<Item>();

  /** One tab's live feed of my notifications: a small object with shared methods. */
  class NotificationSource implements LiveSource<Item> {
    readonly channel: TChannel;
    readonly maxQueue = LIVE_MAX_QUEUE;

    constructor(
      private readonly me: string,
      readonly afterId: number | null,
    ) {
      this.channel = channels.notifications(me);
    }

    select(event: TEventEnvelope): Item | null {
      if (event.type !== "notification.changed" || event.data.recipientId !== this.me) return null;
      return sharedItem(event, () => ({
        id: event.data.changeSeq,
        event: {
          kind: "changed",
          notification: event.data.notification,
          unreadCount: event.data.unreadCount,
          alert: event.data.alert,
        },
      }));
    }

    ephemeral(event: TEventEnvelope): Item | null {
      if (event.type === "notification.read" && event.data.recipientId === this.me) {
        return sharedItem(event, () => ({
          event: { kind: "read", ids: event.data.ids, unreadCount: event.data.unreadCount },
        }));
      }
      if (event.type === "notification.removed" && event.data.recipientId === this.me) {
        return sharedItem(event, () => ({
          event: { kind: "removed", ids: event.data.ids, unreadCount: event.data.unreadCount },
        }));
      }
      return null;
    }

    async catchUp(after: number): Promise<Item[]> {
      const [rows, unreadCount] = await Promise.all([
        db.notification.findMany({
          where: { recipientId: this.me, changeSeq: { gt: after } },
          orderBy: { changeSeq: "asc" },
          take: NOTIFICATION_CATCH_UP_PAGE,
          select: notificationSelect,
        }),
        unreadOf(db, this.me),
      ]);
      // A row changed twice while I was away comes once, as it is now.
      return rows.map((row) => ({
        id: row.changeSeq,
        // Announced when they happened, or missed while away: the list shows them, no toast.
        event: { kind: "changed", notification: shapeNotification(row), unreadCount, alert: quiet },
      }));
    }

    async headId(): Promise<number> {
      const user = await db.user.findUnique({ where: { id: this.me }, select: { notificationSeq: true } });
      return user?.notificationSeq ?? 0;
    }

    /** The head, read for resumed tabs too: a reconnect that missed nothing reads nothing more. */
    open(): Promise<number> {
      return this.headId();
    }

    /** "Read" and "removed" signals carry the last change's id, for a reconnect to resume after it. */
    get resumable(): boolean {
      return true;
    }

    idOf(item: Item): number {
      return item.id ?? 0;
    }

    iterate(signal: AbortSignal): AsyncIterable<Item> {
      return streamSource(bus, this, signal);
    }
  }

  async function publishRead(recipientId: string, ids: number[] | null) {
    const unreadCount = await unreadOf(db, recipientId);
    await bus.publish(channels.notifications(recipientId), {
      v: 1,
      type: "notification.read",
      data: { recipientId, ids, unreadCount },
    });
  }

  return {
    async list(viewer, { cursor, limit }) {
      // Newest id first: a grouped row keeps its id, so the list stays stable while paging.
      const rows = await db.notification.findMany({
        where: {
          recipientId: viewer.userId,
          ...notificationVisibleWhere(viewer.userId),
          ...(cursor ? { id: { lt: cursor } } : {}),
        },
        orderBy: { id: "desc" },
        take: limit + 1,
        select: notificationSelect,
      });
      const page = rows.slice(0, limit);
      return { items: page.map(shapeNotification), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
    },

    unreadCount: (viewer) => unreadOf(db, viewer.userId),

    async markRead(viewer, id) {
      // Scoped to the viewer: someone else's notification reads as not found.
      const found = await db.notification.updateMany({
        where: { id, recipientId: viewer.userId },
        data: { readAt: new Date() },
      });
      if (found.count === 0) throw new AppError("NOT_FOUND", m.noSuchNotification);
      await publishRead(viewer.userId, [id]);
    },

    async markAllRead(viewer) {
      const marked = await db.notification.updateMany({
        where: { recipientId: viewer.userId, readAt: null },
        data: { readAt: new Date() },
      });
      if (marked.count > 0) await publishRead(viewer.userId, null);
    },

    preferences: (viewer) => loadPreferences(db, viewer.userId),

    async setPreference(viewer, { category, inApp, desktop }) {
      if (category === "moderation") {
        throw new AppError("VALIDATION", m.moderationNoticesStay, {
          fieldErrors: { category: [m.moderationNoticesStay] },
        });
      }
      // One statement: two tabs changing one setting at once cannot both try to insert it.
      await db.$executeRaw`
        insert into "NotificationPreference" ("userId", "category", "inApp", "desktop")
        values (${viewer.userId}::uuid, ${category}, ${inApp}, ${desktop})
        on conflict ("userId", "category") do update set "inApp" = excluded."inApp", "desktop" = excluded."desktop"`;
      return loadPreferences(db, viewer.userId);
    },

    async pause(viewer, until) {
      await db.user.update({ where: { id: viewer.userId }, data: { notificationsPausedUntil: until } });
      return loadPreferences(db, viewer.userId);
    },

    delivery: (viewer) => loadDelivery(db, viewer.userId),

    async setDelivery(viewer, input) {
      await db.user.update({ where: { id: viewer.userId }, data: input });
      return loadDelivery(db, viewer.userId);
    },

    stream(viewer, afterChangeSeq, signal) {
      return LiveFeed.of(new NotificationSource(viewer.userId, afterChangeSeq), signal);
    },
  };
}
