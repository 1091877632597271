import { z } from "zod";
import { ZPostSummary } from "./posts/post.schemas.js";

/**
 * Everything that crosses the event bus is one of these envelopes. The version lets
 * two API processes of different releases share a Redis during a rolling deploy:
 * a receiver drops envelopes it cannot parse instead of crashing.
 */
export const ZEventEnvelope = z.discriminatedUnion("type", [
  z.object({ v: z.literal(1), type: z.literal("post.created"), data: ZPostSummary }),
  /** A stored notification was created or grew (grouped); the realtime layer delivers it. */
  z.object({
    v: z.literal(1),
    type: z.literal("notification.changed"),
    data: z.object({ recipientId: z.string(), notificationId: z.number().int() }),
  }),
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

/** Channel names: one per stream a subscriber may listen to. */
export const channels = {
  posts: "posts",
  sessions: "sessions",
  notifications: "notifications",
} as const;
export type TChannel = (typeof channels)[keyof typeof channels];
