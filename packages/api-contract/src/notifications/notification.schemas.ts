import { z } from "zod";
import { ZPublicUser } from "../users/user.schemas.js";
import { INT4_MAX, ZDbId } from "../common/common.schemas.js";

export const notificationTypes = [
  "follow",
  "like",
  "comment",
  "reply",
  "study_joined",
  "study_left",
  "study_requested",
  "study_accepted",
  "study_declined",
  "study_promoted",
  "study_removed",
] as const;
export const ZNotificationType = z.enum(notificationTypes);
export type TNotificationType = z.infer<typeof ZNotificationType>;

export const ZNotification = z.object({
  id: z.number().int(),
  type: ZNotificationType,
  /** The latest person behind it; `count` people in all when grouped. */
  actor: ZPublicUser,
  count: z.number().int(),
  post: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  commentId: z.number().int().nullable(),
  study: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  read: z.boolean(),
  /** When it last changed (a grouped notification moves up with each new actor). */
  updatedAt: z.date(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListInput = z.object({
  cursor: ZDbId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TNotificationListInput = z.infer<typeof ZNotificationListInput>;

export const ZNotificationPage = z.object({ items: z.array(ZNotification), nextCursor: z.number().int().nullable() });
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZNotificationRef = z.object({ id: ZDbId });

/**
 * My notifications, live. `changed`: one was created or grew (already shaped for
 * display), tracked by my notifications' change number so a reconnect resumes after
 * it; `read`: some (`ids`) or all (`ids` null) were marked read, in any of my tabs.
 * Both carry my unread count as of that change.
 */
export const ZNotificationEvent = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("changed"), notification: ZNotification, unreadCount: z.number().int() }),
  z.object({ kind: z.literal("read"), ids: z.array(z.number().int()).nullable(), unreadCount: z.number().int() }),
]);
export type TNotificationEvent = z.infer<typeof ZNotificationEvent>;

export const ZOnNotificationsInput = z
  .object({
    /** tRPC's last event id on reconnect: resume after this change. */
    lastEventId: z
      .string()
      .regex(/^\d{1,10}$/)
      .refine((id) => Number(id) <= INT4_MAX)
      .nullish(),
  })
  .optional();
