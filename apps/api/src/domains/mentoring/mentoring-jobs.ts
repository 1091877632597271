import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { JobHandlers, JobQueue } from "../../platform/jobs/job-queue.js";
import type { Logger } from "../../platform/logger.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { groupKeys, notify } from "../notifications/notify.js";
import { withNotifications, type StoredNotifications } from "../notifications/notification.service.js";
import type { Tx } from "./mentoring-rows.js";

const MINUTE = 60_000;
/** Uploads never attached to a post or message are deleted once this old. */
const ORPHAN_UPLOAD_AGE_MS = 24 * 3600_000;

/**
 * The meeting's reminders (an hour and 10 minutes before) and its end-of-meeting
 * prompt, inside the caller's transaction. Keyed by meeting: a reschedule replaces
 * them rather than adding more, and each carries the time it was made for, so one
 * that fires for an old time does nothing.
 */
export async function scheduleMeetingJobs(
  jobs: JobQueue,
  tx: Tx,
  meeting: { id: number; startsAt: Date; lengthMinutes: number },
) {
  const startsAt = meeting.startsAt.toISOString();
  for (const minutesBefore of [60, 10] as const) {
    await jobs.enqueue(
      tx,
      "mentoring:reminder",
      { meetingId: meeting.id, startsAt, minutesBefore },
      {
        runAt: new Date(meeting.startsAt.getTime() - minutesBefore * MINUTE),
        jobKey: `mentoring:reminder:${meeting.id}:${minutesBefore}`,
      },
    );
  }
  await jobs.enqueue(
    tx,
    "mentoring:meetingOver",
    { meetingId: meeting.id, startsAt },
    {
      runAt: new Date(meeting.startsAt.getTime() + meeting.lengthMinutes * MINUTE),
      jobKey: `mentoring:over:${meeting.id}`,
    },
  );
}

/**
 * What the job runner does later for mentoring and uploads. Each handler is one
 * transaction that records what it did (the request's status, the meeting's
 * "reminded for" times), so a retry or a stale job never notifies twice.
 */
export function createMentoringJobs(deps: {
  db: Db;
  bus: EventBus;
  storage: FileStorage;
  logger: Logger;
  now?: () => Date;
}): Pick<
  JobHandlers,
  "mentoring:expireRequest" | "mentoring:reminder" | "mentoring:meetingOver" | "sweep:orphanUploads"
> {
  const { db, bus } = deps;
  const now = deps.now ?? (() => new Date());

  const inTransaction = (work: (tx: Tx, changed: StoredNotifications) => Promise<void>) =>
    withNotifications(db, bus, work);

  return {
    async "mentoring:expireRequest"({ requestId }) {
      await inTransaction(async (tx, changed) => {
        const [request] = await tx.$queryRaw<{ mentorId: string; learnerId: string }[]>`
          update "MentorRequest" set status = 'expired', "answeredAt" = ${now()}
          where id = ${requestId} and status in ('open', 'countered') and "expiresAt" <= ${now()}
          returning "mentorId"::text as "mentorId", "learnerId"::text as "learnerId"`;
        if (!request) return;
        for (const [recipientId, actorId] of [
          [request.learnerId, request.mentorId],
          [request.mentorId, request.learnerId],
        ] as const) {
          const id = await notify(tx, {
            recipientId,
            actorId,
            type: "mentor_expired",
            mentorRequestId: requestId,
            groupKey: groupKeys.mentoring("mentor_expired", requestId),
          });
          changed.push({ recipientId, id });
        }
      });
    },

    async "mentoring:reminder"({ meetingId, startsAt, minutesBefore }) {
      const column = minutesBefore === 60 ? "remindedHourFor" : "remindedTenMinFor";
      await inTransaction(async (tx, changed) => {
        // Marks it sent for this time, only if the meeting still is at this time and not cancelled.
        const [meeting] = await tx.$queryRawUnsafe<{ mentorId: string; learnerId: string; requestId: number }[]>(
          `update "MentorMeeting" set "${column}" = "startsAt"
           where id = $1 and "cancelledAt" is null and "startsAt" = $2::timestamptz
             and "${column}" is distinct from "startsAt"
           returning "mentorId"::text as "mentorId", "learnerId"::text as "learnerId", "requestId"`,
          meetingId,
          startsAt,
        );
        if (!meeting) return;
        for (const [recipientId, actorId] of [
          [meeting.mentorId, meeting.learnerId],
          [meeting.learnerId, meeting.mentorId],
        ] as const) {
          const id = await notify(tx, {
            recipientId,
            actorId,
            type: "meeting_reminder",
            mentorRequestId: meeting.requestId,
            meetingId,
            groupKey: `meeting_reminder:${meetingId}:${startsAt}:${minutesBefore}`,
          });
          changed.push({ recipientId, id });
        }
      });
    },

    async "mentoring:meetingOver"({ meetingId, startsAt }) {
      await inTransaction(async (tx, changed) => {
        const [meeting] = await tx.$queryRaw<{ mentorId: string; learnerId: string; requestId: number }[]>`
          update "MentorMeeting" set "endPromptFor" = "startsAt"
          where id = ${meetingId} and "cancelledAt" is null and "startsAt" = ${startsAt}::timestamptz
            and "rating" is null and "endPromptFor" is distinct from "startsAt"
          returning "mentorId"::text as "mentorId", "learnerId"::text as "learnerId", "requestId"`;
        if (!meeting) return;
        const id = await notify(tx, {
          recipientId: meeting.learnerId,
          actorId: meeting.mentorId,
          type: "meeting_rate",
          mentorRequestId: meeting.requestId,
          meetingId,
          groupKey: `meeting_rate:${meetingId}`,
        });
        changed.push({ recipientId: meeting.learnerId, id });
      });
    },

    async "sweep:orphanUploads"() {
      const before = new Date(now().getTime() - ORPHAN_UPLOAD_AGE_MS);
      const orphans = await db.upload.findMany({
        where: {
          kind: { not: "avatar" },
          createdAt: { lt: before },
          postImage: null,
          chatImage: null,
          chatFile: null,
          postFile: null,
        },
        select: { id: true, key: true },
        take: 1000,
      });
      if (orphans.length === 0) return;
      // Rows first (in one statement, still unattached): a file is never left without its row's guard.
      const { count } = await db.upload.deleteMany({
        where: {
          id: { in: orphans.map((o) => o.id) },
          postImage: null,
          chatImage: null,
          chatFile: null,
          postFile: null,
        },
      });
      for (const orphan of orphans) await deps.storage.delete(orphan.key);
      deps.logger.info({ deleted: count }, "deleted post and chat pictures and chat files never attached");
    },
  };
}
