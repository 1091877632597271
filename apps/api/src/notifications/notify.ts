import { randomUUID } from "node:crypto";
import type { TNotificationType } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";

export interface NotifyInput {
  recipientId: string;
  actorId: string;
  type: TNotificationType;
  postId?: number | null;
  commentId?: number | null;
  studyId?: number | null;
  /** Notifications with the same key for the same recipient share one row. */
  groupKey: string;
}

/** The UTC day, for "grouped within a day". */
export const dayKey = (at: Date) => at.toISOString().slice(0, 10);

export const groupKeys = {
  like: (postId: number, at: Date) => `like:${postId}:${dayKey(at)}`,
  follow: (at: Date) => `follow:${dayKey(at)}`,
  comment: (commentId: number) => `comment:${commentId}`,
  reply: (commentId: number) => `reply:${commentId}`,
  /** Study events are never grouped: each is its own row. */
  study: (type: string, studyId: number) => `${type}:${studyId}:${randomUUID()}`,
};

/**
 * Stores a notification inside the caller's transaction, so it exists exactly when
 * the action does; the caller publishes `notification.changed` after the commit.
 * Never for one's own actions. A grouped row takes the newest actor, moves up
 * (updatedAt), becomes unread again, and counts one more only for a different actor
 * than the last (a like, unlike and like again is not two people).
 * Returns the row id, or null when nothing was stored.
 */
export async function notify(tx: Prisma.TransactionClient, input: NotifyInput): Promise<number | null> {
  if (input.recipientId === input.actorId) return null;
  const rows = await tx.$queryRaw<{ id: number }[]>`
    insert into "Notification" ("recipientId", "type", "actorId", "postId", "commentId", "studyId", "groupKey")
    values (${input.recipientId}::uuid, ${input.type}, ${input.actorId}::uuid, ${input.postId ?? null},
            ${input.commentId ?? null}, ${input.studyId ?? null}, ${input.groupKey})
    on conflict ("recipientId", "groupKey") do update set
      "count" = "Notification"."count" + case when "Notification"."actorId" = excluded."actorId" then 0 else 1 end,
      "actorId" = excluded."actorId",
      "updatedAt" = now(),
      "readAt" = null
    returning "id"`;
  return rows[0]?.id ?? null;
}
