import { z } from "zod";
import { ZPublicUser } from "../users/user.schemas.js";
import { ZDbId } from "../common/common.schemas.js";

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
