import {
  AppError,
  channels,
  serverMessages as m,
  type NotificationService,
  type TNotification,
  type TNotificationType,
} from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import type { EventBus } from "../events/event-bus.js";
import { publicUserSelect } from "../users/public-user.js";

/** Tells the realtime layer, after the commit, which notifications changed. */
export async function publishNotifications(bus: EventBus, changed: { recipientId: string; id: number | null }[]) {
  for (const { recipientId, id } of changed) {
    if (id !== null) {
      await bus.publish(channels.notifications, {
        v: 1,
        type: "notification.changed",
        data: { recipientId, notificationId: id },
      });
    }
  }
}

export function createNotificationService({ db }: { db: Db }): NotificationService {
  return {
    async list(viewer, { cursor, limit }) {
      // Newest id first: a grouped row keeps its id, so the list stays stable while paging.
      const rows = await db.notification.findMany({
        where: { recipientId: viewer.userId, ...(cursor ? { id: { lt: cursor } } : {}) },
        orderBy: { id: "desc" },
        take: limit + 1,
        select: {
          id: true,
          type: true,
          count: true,
          commentId: true,
          readAt: true,
          updatedAt: true,
          actor: { select: publicUserSelect },
          post: { select: { id: true, title: true, deletedAt: true } },
          study: { select: { id: true, title: true, deletedAt: true } },
        },
      });
      const page = rows.slice(0, limit);
      const items: TNotification[] = page.map(({ readAt, post, study, type, ...row }) => ({
        ...row,
        type: type as TNotificationType,
        read: readAt !== null,
        post: post && !post.deletedAt ? { id: post.id, title: post.title } : null,
        study: study && !study.deletedAt ? { id: study.id, title: study.title } : null,
      }));
      return { items, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
    },

    unreadCount: (viewer) => db.notification.count({ where: { recipientId: viewer.userId, readAt: null } }),

    async markRead(viewer, id) {
      // Scoped to the viewer: someone else's notification reads as not found.
      const found = await db.notification.updateMany({
        where: { id, recipientId: viewer.userId },
        data: { readAt: new Date() },
      });
      if (found.count === 0) throw new AppError("NOT_FOUND", m.noSuchNotification);
    },

    async markAllRead(viewer) {
      await db.notification.updateMany({
        where: { recipientId: viewer.userId, readAt: null },
        data: { readAt: new Date() },
      });
    },
  };
}
