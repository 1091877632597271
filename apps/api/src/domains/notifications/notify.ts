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
  roomId?: number | null;
  mentorRequestId?: number | null;
  meetingId?: number | null;
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
  /** A conversation is opened once per pair. */
  chatOpened: (roomId: number) => `chat_opened:${roomId}`,
  /** One mention notification per person per post, comment or chat message, whatever its edits. */
  mention: (item: "post" | "comment" | "chat", id: number | string) => `mention:${item}:${id}`,
  /** Study events are never grouped: each is its own row. */
  study: (type: string, studyId: number) => `${type}:${studyId}:${randomUUID()}`,
  /** Mentoring events are never grouped either. */
  mentoring: (type: string, requestId: number) => `${type}:${requestId}:${randomUUID()}`,
};

/**
 * Stores a notification inside the caller's transaction, so it exists exactly when
 * the action does; the caller publishes `notification.changed` after the commit.
 * Never for one's own actions, never between two people when either blocked the other. A grouped row takes the newest actor, moves up
 * (updatedAt), becomes unread again, and counts one more only for a different actor
 * than the last (a like, unlike and like again is not two people).
 * Each change takes the recipient's next notification change number under their
 * row's lock, so their live stream numbers changes 1, 2, 3 … in commit order.
 * Returns the row id, or null when nothing was stored.
 */
export async function notify(tx: Prisma.TransactionClient, input: NotifyInput): Promise<number | null> {
  if (input.recipientId === input.actorId) return null;
  // A block in either direction silences everything between the two people,
  // checked here, where every notification is made, not at each caller.
  const rows = await tx.$queryRaw<{ id: number }[]>`
    with seq as (
      update "User" set "notificationSeq" = "notificationSeq" + 1
      where id = ${input.recipientId}::uuid
        and not exists (
          select 1 from "Block"
          where ("blockerId" = ${input.recipientId}::uuid and "blockedId" = ${input.actorId}::uuid)
             or ("blockerId" = ${input.actorId}::uuid and "blockedId" = ${input.recipientId}::uuid))
      returning "notificationSeq"
    )
    insert into "Notification"
      ("recipientId", "type", "actorId", "postId", "commentId", "studyId", "roomId",
       "mentorRequestId", "meetingId", "groupKey", "changeSeq")
    select ${input.recipientId}::uuid, ${input.type}, ${input.actorId}::uuid, ${input.postId ?? null}::int,
           ${input.commentId ?? null}::int, ${input.studyId ?? null}::int, ${input.roomId ?? null}::int,
           ${input.mentorRequestId ?? null}::int, ${input.meetingId ?? null}::int,
           ${input.groupKey}, seq."notificationSeq"
    from seq
    on conflict ("recipientId", "groupKey") do update set
      "count" = "Notification"."count" + case when "Notification"."actorId" = excluded."actorId" then 0 else 1 end,
      "actorId" = excluded."actorId",
      "updatedAt" = now(),
      "readAt" = null,
      "changeSeq" = excluded."changeSeq"
    returning "id"`;
  return rows[0]?.id ?? null;
}
