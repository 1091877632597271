import { randomUUID } from "node:crypto";
import { categoryOf, type TNotificationType } from "@orgo/api-contract";
import { Prisma } from "@orgo/db";
import { addJobSql } from "../../platform/jobs/job-queue.js";

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
  /** Moderation notices: the decision (audit entry) they are about. */
  auditId?: number | null;
  /** Notifications with the same key for the same recipient share one row. */
  groupKey: string;
}

/** The UTC day, for "grouped within a day". */
export const dayKey = (at: Date) => at.toISOString().slice(0, 10);

export const groupKeys = {
  like: (postId: number, at: Date) => `like:${postId}:${dayKey(at)}`,
  commentLike: (commentId: number, at: Date) => `comment_like:${commentId}:${dayKey(at)}`,
  follow: (at: Date) => `follow:${dayKey(at)}`,
  comment: (commentId: number) => `comment:${commentId}`,
  reply: (commentId: number) => `reply:${commentId}`,
  /** A chat message answering one of mine: once per reply. */
  messageReply: (roomId: number, seq: number) => `message_reply:${roomId}:${seq}`,
  /** A conversation is opened once per pair. */
  chatOpened: (roomId: number) => `chat_opened:${roomId}`,
  /** One mention notification per person per post, comment or chat message, whatever its edits. */
  mention: (item: "post" | "comment" | "chat", id: number | string) => `mention:${item}:${id}`,
  /** Study events are never grouped: each is its own row. */
  study: (type: string, studyId: number) => `${type}:${studyId}:${randomUUID()}`,
  /** Mentoring events are never grouped either. */
  mentoring: (type: string, requestId: number) => `${type}:${requestId}:${randomUUID()}`,
  /** One notice per person per decision. */
  moderation: (auditId: number) => `moderation:${auditId}`,
};

/**
 * One person's repeated actions on one target alert its owner at most once in this
 * while: join, leave, join again in a loop is one notification that changes, quietly.
 */
const FLOOD_WINDOW_MS = 6 * 3600_000;

/** The story a notification belongs to, for actions people repeat in loops (null: each one counts). */
function floodKeyOf(input: NotifyInput): string | null {
  switch (input.type) {
    case "study_joined":
    case "study_left":
    case "study_requested":
      return `study:${input.studyId}`;
    case "mentor_requested":
    case "mentor_withdrawn":
      return "mentoring";
    default:
      return null;
  }
}

/**
 * Stores a notification inside the caller's transaction, so it exists exactly when
 * the action does; the caller publishes `notification.changed` after the commit.
 * Never for one's own actions (moderation notices aside), never between two people
 * when either blocked the other.
 *
 * Repeats alert once. A grouped row (likes of a post today, today's follows) counts
 * each person once: someone it already counts (a like, unlike and like again) changes
 * nothing. A loop of joins and leaves (or requests and withdrawals) by one person
 * changes its first notification in place, quietly (`quietSeq`: no toast, not unread
 * again), for FLOOD_WINDOW_MS.
 *
 * Each change takes the recipient's next notification change number under their
 * row's lock, so their live stream numbers changes 1, 2, 3 … in commit order.
 * Returns the row id, or null when nothing was stored.
 */
export async function notify(tx: Prisma.TransactionClient, input: NotifyInput): Promise<number | null> {
  // Moderation notices are the only ones a person gets about their own doing.
  if (input.recipientId === input.actorId && categoryOf(input.type) !== "moderation") return null;
  if (await blockedEitherWay(tx, input.recipientId, input.actorId)) return null;
  const [grouped] = await tx.$queryRaw<{ counted: boolean }[]>`
    select ${input.actorId}::uuid = any("actorIds") as counted from "Notification"
    where "recipientId" = ${input.recipientId}::uuid and "groupKey" = ${input.groupKey} for update`;
  if (grouped?.counted) return null;
  const floodKey = floodKeyOf(input);
  if (floodKey) {
    const [repeat] = await tx.$queryRaw<{ id: number; type: string }[]>`
      select id, type from "Notification"
      where "recipientId" = ${input.recipientId}::uuid and "actorId" = ${input.actorId}::uuid
        and "floodKey" = ${floodKey} and "createdAt" > now() - ${FLOOD_WINDOW_MS / 1000} * interval '1 second'
      order by id desc limit 1 for update`;
    if (repeat) return repeat.type === input.type ? null : retell(tx, input, repeat.id);
  }
  const rows = await tx.$queryRaw<{ id: number }[]>`
    with seq as (
      update "User" set "notificationSeq" = "notificationSeq" + 1
      where id = ${input.recipientId}::uuid
      returning "notificationSeq"
    )
    insert into "Notification"
      ("recipientId", "type", "actorId", "postId", "commentId", "studyId", "roomId",
       "mentorRequestId", "meetingId", "auditId", "groupKey", "changeSeq", "actorIds", "floodKey")
    select ${input.recipientId}::uuid, ${input.type}, ${input.actorId}::uuid, ${input.postId ?? null}::int,
           ${input.commentId ?? null}::int, ${input.studyId ?? null}::int, ${input.roomId ?? null}::int,
           ${input.mentorRequestId ?? null}::int, ${input.meetingId ?? null}::int, ${input.auditId ?? null}::int,
           ${input.groupKey}, seq."notificationSeq", array[${input.actorId}::uuid], ${floodKey}
    from seq
    on conflict ("recipientId", "groupKey") do update set
      "count" = "Notification"."count" + 1,
      "actorIds" = "Notification"."actorIds" || excluded."actorId",
      "actorId" = excluded."actorId",
      "updatedAt" = now(),
      "readAt" = null,
      "changeSeq" = excluded."changeSeq"
    returning "id"`;
  const id = rows[0]?.id ?? null;
  if (id !== null) await queuePush(tx, input.recipientId, id);
  return id;
}

/** A burst on one notification (likes arriving together) is one push, a moment later. */
const PUSH_AFTER_SECONDS = 2;

/**
 * Asks for a push of this notification to the recipient's devices, in the same
 * transaction; only when they have a device, so most notifications add no job. Whether
 * it is pushed at all is decided when the job runs (`push:notification`).
 */
async function queuePush(tx: Prisma.TransactionClient, recipientId: string, id: number) {
  await tx.$executeRaw`select ${addJobSql(
    "push:notification",
    Prisma.sql`json_build_object('notificationId', ${id}::int)`,
    {
      runAfterSeconds: PUSH_AFTER_SECONDS,
      jobKey: `push:notification:${id}`,
    },
  )} where exists (select 1 from "PushDevice" where "userId" = ${recipientId}::uuid)`;
}

/** A block in either direction silences everything between the two people. */
async function blockedEitherWay(tx: Prisma.TransactionClient, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const [row] = await tx.$queryRaw<{ blocked: boolean }[]>`
    select exists (
      select 1 from "Block"
      where ("blockerId" = ${a}::uuid and "blockedId" = ${b}::uuid)
         or ("blockerId" = ${b}::uuid and "blockedId" = ${a}::uuid)) as blocked`;
  return row!.blocked;
}

/** The story moved on (joined → left): its notification says so now, without a toast or a new unread. */
async function retell(tx: Prisma.TransactionClient, input: NotifyInput, id: number): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    with seq as (
      update "User" set "notificationSeq" = "notificationSeq" + 1
      where id = ${input.recipientId}::uuid
      returning "notificationSeq"
    )
    update "Notification" n
    set "type" = ${input.type}, "mentorRequestId" = coalesce(${input.mentorRequestId ?? null}::int, n."mentorRequestId"),
        "changeSeq" = seq."notificationSeq", "quietSeq" = seq."notificationSeq"
    from seq where n.id = ${id}
    returning n.id`;
  return rows[0]?.id ?? null;
}
