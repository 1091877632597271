import { z } from "zod";
import { ZPublicUser } from "../users/user.schemas.js";
import { INT4_MAX, ZDbId } from "../common/common.schemas.js";
import { serverMessages as m } from "../messages.js";
import { notificationCategories } from "./notification.constants.js";
export { notificationCategories } from "./notification.constants.js";

export const notificationTypes = [
  "follow",
  "like",
  "comment_like",
  "comment",
  "reply",
  "mention",
  "message_reply",
  "chat_opened",
  "study_joined",
  "study_left",
  "study_requested",
  "study_accepted",
  "study_declined",
  "study_promoted",
  "study_removed",
  // Mentoring: to the mentor
  "mentor_requested",
  "mentor_withdrawn",
  "mentor_confirmed",
  "mentor_rated",
  // to the learner
  "mentor_accepted",
  "mentor_countered",
  "mentor_declined",
  "meeting_rate",
  // to either side
  "mentor_expired",
  "meeting_reschedule_proposed",
  "meeting_rescheduled",
  "meeting_reschedule_declined",
  "meeting_cancelled",
  "meeting_place",
  "meeting_reminder",
  // Moderation: to a reporter
  "report_decided",
  // to the person a decision is about
  "moderation_warned",
  "moderation_hidden",
  "moderation_deleted",
  "moderation_suspended",
  "moderation_lifted",
  "appeal_decided",
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
  /**
   * What was said, when it was said in a comment (a comment, a reply, a mention in one):
   * its opening words as plain text, so the notice tells it without opening the post.
   * Null when there is no comment or it is deleted or hidden.
   */
  excerpt: z.string().nullable(),
  study: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  /** A conversation opened with me, or a mention in a chat message: the room (members only are ever told). */
  room: z.object({ id: z.number().int() }).nullable(),
  /** A mentoring notification's request, and its meeting (with the time, as of now) once there is one. */
  mentoring: z
    .object({ requestId: z.number().int(), meetingId: z.number().int().nullable(), startsAt: z.date().nullable() })
    .nullable(),
  /**
   * A moderation notice: the decision (its id opens it with moderation.myDecision,
   * for the person it is about), what was decided and on what. A reporter is told
   * only whether action was taken, never the reason; nobody is told who reported.
   */
  moderation: z
    .object({
      decisionId: z.number().int(),
      action: z.string(),
      reason: z.string().nullable(),
      target: z.object({ kind: z.string(), label: z.string() }).nullable(),
    })
    .nullable(),
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

/** Pushed as a toast in the open app / as a desktop notification while the tab is hidden. */
export const ZAlert = z.object({ inApp: z.boolean(), desktop: z.boolean() });
export type TAlert = z.infer<typeof ZAlert>;

/**
 * My notifications, live. `changed`: one was created or grew (already shaped for
 * display), tracked by my notifications' change number so a reconnect resumes after
 * it; `read`: some (`ids`) or all (`ids` null) were marked read, in any of my tabs;
 * `removed`: some went away with what they pointed at.
 * Both carry my unread count as of that change.
 */
export const ZNotificationEvent = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("changed"),
    notification: ZNotification,
    unreadCount: z.number().int(),
    /** How to announce it, by the recipient's preferences (both false when caught up after a reconnect). */
    alert: ZAlert,
  }),
  z.object({ kind: z.literal("read"), ids: z.array(z.number().int()).nullable(), unreadCount: z.number().int() }),
  /** These went away (the comment they were about was deleted). */
  z.object({ kind: z.literal("removed"), ids: z.array(z.number().int()), unreadCount: z.number().int() }),
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

export const ZNotificationCategory = z.enum(notificationCategories);
export type TNotificationCategory = z.infer<typeof ZNotificationCategory>;

/** The category a notification's type belongs to. */
export function categoryOf(type: TNotificationType): TNotificationCategory {
  if (type.startsWith("study_")) return "studies";
  if (type.startsWith("mentor_") || type.startsWith("meeting_")) return "mentoring";
  if (type === "report_decided" || type.startsWith("moderation_") || type === "appeal_decided") return "moderation";
  const byType: Record<string, TNotificationCategory> = {
    follow: "follows",
    like: "likes",
    comment_like: "likes",
    comment: "comments",
    reply: "replies",
    mention: "mentions",
    message_reply: "replies",
    chat_opened: "chat",
  };
  return byType[type]!;
}

export const ZNotificationPreferences = z.object({
  categories: z.object(
    Object.fromEntries(notificationCategories.map((c) => [c, ZAlert])) as Record<TNotificationCategory, typeof ZAlert>,
  ),
  /** Nothing is pushed before this instant (null: not paused). Stored and counted all the same. */
  pausedUntil: z.date().nullable(),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const ZSetNotificationPreferenceInput = ZAlert.extend({ category: ZNotificationCategory });
export type TSetNotificationPreferenceInput = z.infer<typeof ZSetNotificationPreferenceInput>;

/** Pause every push until `until` (at most 7 days ahead), or resume (null). */
export const ZPauseNotificationsInput = z.object({
  // A Date (superjson) or an ISO 8601 instant with its offset, for clients without superjson.
  until: z
    .union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))])
    .nullable()
    .refine((until) => until === null || until.getTime() > Date.now(), m.pauseNotInFuture)
    .refine((until) => until === null || until.getTime() <= Date.now() + 7 * 24 * 3600_000, m.pauseTooLong),
});
export type TPauseNotificationsInput = z.infer<typeof ZPauseNotificationsInput>;
