import type { TPushPayload } from "@orgo/api-contract";
import type { Db, Prisma } from "@orgo/db";
import { addJob } from "../../platform/jobs/job-queue.js";
import { notificationVisibleWhere } from "../visibility/visibility.js";

/** How long a push service keeps trying an offline device: a day, then it is news no more. */
const PUSH_TTL_SECONDS = 24 * 3600;

/** Unread notifications and unread chat messages (muted rooms aside): the app badge's number. */
export async function badgeOf(db: Db, userId: string): Promise<number> {
  const [notifications, [chat]] = await Promise.all([
    db.notification.count({ where: { recipientId: userId, readAt: null, ...notificationVisibleWhere(userId) } }),
    db.$queryRaw<{ unread: number }[]>`
      select coalesce(sum(greatest(r."messageSeq" - m."lastReadSeq", 0)), 0)::int as unread
      from "ChatMember" m join "ChatRoom" r on r.id = m."roomId"
      where m."userId" = ${userId}::uuid and not m.muted`,
  ]);
  return notifications + (chat?.unread ?? 0);
}

/**
 * One `push:send` job per device of the person, in the caller's transaction: each is
 * retried on its own, and a newer push with the same tag for the same device replaces
 * one still waiting (the push service would show only the newest anyway).
 */
export async function queueSends(
  tx: Prisma.TransactionClient,
  deviceIds: number[],
  payload: TPushPayload,
  urgency: "normal" | "high",
) {
  const text = JSON.stringify(payload);
  for (const deviceId of deviceIds) {
    await addJob(
      tx,
      "push:send",
      { deviceId, payload: text, ttlSeconds: PUSH_TTL_SECONDS, urgency },
      { jobKey: `push:send:${deviceId}:${payload.tag}` },
    );
  }
}
