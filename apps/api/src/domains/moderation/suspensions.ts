import type { TSuspensionLength } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import type { JobQueue } from "../../platform/jobs/job-queue.js";
import type { SessionService } from "../../platform/sessions/session.service.js";

type Tx = Prisma.TransactionClient;
const DAY = 24 * 3600_000;

const lengths: Record<TSuspensionLength, number | null> = {
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  indefinite: null,
};

/**
 * Suspends a person inside the decision's transaction: their row is locked first
 * (a sign-in in progress waits, see safety/suspension.ts), every session ends, and
 * a timed suspension's end is queued. Answers the ended sessions (their sockets are
 * closed after the commit, on every process) and the suspension's end.
 */
export async function suspend(
  deps: { sessions: SessionService; jobs: JobQueue },
  tx: Tx,
  input: { userId: string; length: TSuspensionLength; hideContent: boolean; reason: string; at: Date },
): Promise<{ endedSessions: string[]; until: Date | null }> {
  await tx.$queryRaw`select id from "User" where id = ${input.userId}::uuid for update`;
  const span = lengths[input.length];
  const until = span === null ? null : new Date(input.at.getTime() + span);
  await tx.user.update({
    where: { id: input.userId },
    data: {
      suspendedAt: input.at,
      suspendedUntil: until,
      suspensionReason: input.reason,
      contentHiddenAt: input.hideContent ? input.at : null,
    },
  });
  const endedSessions = await deps.sessions.invalidateAllForUser(input.userId, undefined, tx);
  if (until) {
    await deps.jobs.enqueue(
      tx,
      "moderation:endSuspension",
      { userId: input.userId, until: until.toISOString() },
      { runAt: until, jobKey: `moderation:suspension:${input.userId}` },
    );
  }
  return { endedSessions, until };
}

/** Lifts a person's suspension and shows their content again; false when they were not suspended. */
export async function liftSuspension(tx: Tx, userId: string): Promise<boolean> {
  const lifted = await tx.user.updateMany({
    where: { id: userId, suspendedAt: { not: null } },
    data: { suspendedAt: null, suspendedUntil: null, suspensionReason: null, contentHiddenAt: null },
  });
  return lifted.count > 0;
}
