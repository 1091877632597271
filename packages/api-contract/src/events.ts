import { z } from "zod";
import { ZPostSummary } from "./posts/post.schemas.js";
import { ZChatMessage } from "./chat/chat.schemas.js";
import { ZPublicUser } from "./users/user.schemas.js";
import { ZPresence } from "./presence/presence.schemas.js";
import { ZAlert, ZNotification } from "./notifications/notification.schemas.js";

/**
 * Everything that crosses the event bus is one of these envelopes. The version lets
 * two API processes of different releases share a Redis during a rolling deploy:
 * a receiver drops envelopes it cannot parse instead of crashing.
 */
export const ZEventEnvelope = z.discriminatedUnion("type", [
  z.object({ v: z.literal(1), type: z.literal("post.created"), data: ZPostSummary }),
  /** A post was deleted: on the posts channel (open lists drop it) and on its own. */
  z.object({ v: z.literal(1), type: z.literal("post.deleted"), data: z.object({ postId: z.number().int() }) }),
  /**
   * A post's counts moved or its comments changed (on the post's own channel): an open
   * post takes the counts as they are and refetches its comments when `comments` says so.
   */
  z.object({
    v: z.literal(1),
    type: z.literal("post.changed"),
    data: z.object({
      postId: z.number().int(),
      likeCount: z.number().int(),
      commentCount: z.number().int(),
      viewCount: z.number().int(),
      comments: z.boolean(),
    }),
  }),
  /** A study's seats, status, members, waitlist or requests changed, or it was deleted. */
  z.object({
    v: z.literal(1),
    type: z.literal("study.changed"),
    data: z.object({ studyId: z.number().int(), deleted: z.boolean() }),
  }),
  /**
   * A follow or a block between two people began or ended: on both people's own
   * channels. What one was shown of the other (presence) is decided again.
   */
  z.object({
    v: z.literal(1),
    type: z.literal("relation.changed"),
    data: z.object({ userIds: z.array(z.string()) }),
  }),
  /** The moderation queue changed (a report, a claim, a decision): moderators' lists refetch. */
  z.object({ v: z.literal(1), type: z.literal("moderation.queue"), data: z.object({ caseId: z.number().int() }) }),
  /** A person's role changed: their open moderation streams end when it is no longer staff. */
  z.object({
    v: z.literal(1),
    type: z.literal("moderation.staff"),
    data: z.object({ userId: z.string(), role: z.string() }),
  }),
  /** An admin changed the watched words: every process reads them again. */
  z.object({ v: z.literal(1), type: z.literal("moderation.words"), data: z.object({}) }),
  /** A person's public profile changed (followers, following, name): on their own channel. */
  z.object({
    v: z.literal(1),
    type: z.literal("user.changed"),
    data: z.object({ userId: z.string() }),
  }),
  /**
   * A stored notification was created or grew (grouped), on its recipient's channel,
   * shaped for display; `changeSeq` is their notifications' stream id.
   */
  z.object({
    v: z.literal(1),
    type: z.literal("notification.changed"),
    data: z.object({
      recipientId: z.string(),
      changeSeq: z.number().int(),
      notification: ZNotification,
      unreadCount: z.number().int(),
      alert: ZAlert,
    }),
  }),
  /** Some (`ids`) or all (null) of a person's notifications were marked read. */
  z.object({
    v: z.literal(1),
    type: z.literal("notification.read"),
    data: z.object({
      recipientId: z.string(),
      ids: z.array(z.number().int()).nullable(),
      unreadCount: z.number().int(),
    }),
  }),
  /** Some of a person's notifications went away (what they pointed at was deleted). */
  z.object({
    v: z.literal(1),
    type: z.literal("notification.removed"),
    data: z.object({ recipientId: z.string(), ids: z.array(z.number().int()), unreadCount: z.number().int() }),
  }),
  /** A chat message was sent, edited or deleted; `changeSeq` is the room's stream id. */
  z.object({
    v: z.literal(1),
    type: z.literal("chat.message"),
    data: z.object({ changeSeq: z.number().int(), message: ZChatMessage }),
  }),
  /** Someone is typing in a room (never stored). */
  z.object({
    v: z.literal(1),
    type: z.literal("chat.typing"),
    data: z.object({ roomId: z.number().int(), user: ZPublicUser }),
  }),
  /** A member read up to `seq`. */
  z.object({
    v: z.literal(1),
    type: z.literal("chat.read"),
    data: z.object({ roomId: z.number().int(), userId: z.string(), seq: z.number().int() }),
  }),
  /** These people lost the room (left or removed from the study, or a block): their streams end. */
  z.object({
    v: z.literal(1),
    type: z.literal("chat.access"),
    data: z.object({ roomId: z.number().int(), userIds: z.array(z.string()) }),
  }),
  /** A person's inbox changed (on their own channel, one event for all the room's members): their tabs refetch it. */
  z.object({
    v: z.literal(1),
    type: z.literal("chat.inbox"),
    data: z.object({ roomId: z.number().int() }),
  }),
  /** Someone came online, went away or offline (their own channel). */
  z.object({ v: z.literal(1), type: z.literal("presence.changed"), data: ZPresence }),
  /** Sessions ended (sign-out, revocation): every process closes their websockets. */
  z.object({
    v: z.literal(1),
    type: z.literal("session.revoked"),
    data: z.object({ sessionIds: z.array(z.string()) }),
  }),
]);
export type TEventEnvelope = z.infer<typeof ZEventEnvelope>;
export type TEventType = TEventEnvelope["type"];
export type TEventOf<T extends TEventType> = Extract<TEventEnvelope, { type: T }>;

/**
 * Channel names: one per stream a subscriber may listen to. Chat has one channel per
 * room and one per person, so a process subscribes (in Redis) only to the rooms and
 * people its connected users need, not to a firehose it would filter.
 */
export const channels = {
  posts: "posts",
  sessions: "sessions",
  studies: "studies",
  /** Moderators' queue and the watched words (staff and processes only listen). */
  moderation: "moderation",
  post: (postId: number) => `post:${postId}` as const,
  user: (userId: string) => `user:${userId}` as const,
  notifications: (userId: string) => `notifications:${userId}` as const,
  chatRoom: (roomId: number) => `chat:room:${roomId}` as const,
  chatUser: (userId: string) => `chat:user:${userId}` as const,
  presence: (userId: string) => `presence:${userId}` as const,
} as const;
export type TChannel =
  | "posts"
  | "sessions"
  | "studies"
  | "moderation"
  | `post:${number}`
  | `user:${string}`
  | `notifications:${string}`
  | `chat:room:${number}`
  | `chat:user:${string}`
  | `presence:${string}`;
