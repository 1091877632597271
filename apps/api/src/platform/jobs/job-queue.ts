import { Logger as WorkerLogger, run, type Runner, type Task } from "graphile-worker";
import pg from "pg";
import { Prisma } from "@orgo/db";
import type { Logger } from "../logger.js";

/** Every kind of job and its payload: the names are the contract between enqueue and task. */
export interface JobPayloads {
  /** A sign-up code (or "you already have an account") to the pending sign-up's address. */
  "mail:signUp": { pendingId: string };
  /** A reset link to the address, when it has an account; nothing otherwise. */
  "mail:passwordReset": { email: string };
  /** Hourly (see SCHEDULE): expired pending sign-ups and reset links are deleted. */
  "sweep:authLeftovers": Record<string, unknown>;
  /** Hourly: post and chat pictures uploaded but never attached, a day old, are deleted with their files. */
  "sweep:orphanUploads": Record<string, unknown>;
  /** A mentoring request nobody answered: expired at its `expiresAt`. */
  "mentoring:expireRequest": { requestId: number };
  /** "Your meeting starts in an hour / 10 minutes", for the meeting's time when it was scheduled. */
  "mentoring:reminder": { meetingId: number; startsAt: string; minutesBefore: 60 | 10 };
  /** A suspension's end: lifted, and the person's content shown again, if it is still that suspension. */
  "moderation:endSuspension": { userId: string; until: string };
  /** Hourly: texts older than a day are forgotten (the repeated-text check). */
  "sweep:recentTexts": Record<string, unknown>;
  /** The meeting's time is over: the learner is asked to rate it. */
  "mentoring:meetingOver": { meetingId: number; startsAt: string };
  /** A notification was stored or grew: pushed to its person's devices, if they should hear of it there. */
  "push:notification": { notificationId: number };
  /** Every few seconds, one at a time: rooms with new messages pushed to members away from OrGo, their unread mail scheduled. */
  "push:rooms": Record<string, unknown>;
  /** One push to one device: retried on its own, so a device that fails never makes another get it twice. */
  "push:send": { deviceId: number; payload: string; ttlSeconds: number; urgency: "normal" | "high" };
  /** "You have unread messages" for one person, once their oldest unmailed unread message is old enough. */
  "mail:unread": { userId: string };
  /** Hourly: people whose digest is due get a "mail:digest" job each. */
  "mail:digests": Record<string, unknown>;
  /** One person's digest of what happened while they were away. */
  "mail:digest": { userId: string };
}

/** Recurring jobs, in graphile-worker's crontab syntax; each fires once across all processes. */
const SCHEDULE: [JobName, string][] = [
  ["sweep:authLeftovers", "17 * * * *"],
  ["sweep:orphanUploads", "43 * * * *"],
  ["sweep:recentTexts", "29 * * * *"],
  ["mail:digests", "7 * * * *"],
];
export type JobName = keyof JobPayloads;
export type JobHandlers = { [name in JobName]: (payload: JobPayloads[name]) => Promise<void> };

export interface EnqueueOptions {
  /** Not before this instant (the API's clock; default: now). */
  runAt?: Date;
  /**
   * At most one waiting job per key: enqueueing again replaces the waiting one (its
   * payload and time), so a rescheduled meeting's reminder moves instead of doubling.
   */
  jobKey?: string;
  /**
   * With a jobKey: "replace" (default) moves the waiting job to this payload and time;
   * "preserve_run_at" keeps its time, so a burst is one job at the first one's time.
   */
  jobKeyMode?: "replace" | "preserve_run_at";
}

export interface JobQueue {
  /**
   * Adds a job inside the caller's transaction, so it exists exactly when the
   * change that asks for it commits. A failing job is retried with backoff.
   */
  enqueue<N extends JobName>(
    tx: Prisma.TransactionClient,
    name: N,
    payload: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<void>;
  /** For /metrics: jobs due and waiting, jobs given up (attempts spent), failed runs since start. */
  stats(): Promise<{ due: number; givenUp: number; failedRuns: number }>;
  stop(): Promise<void>;
}

/** Mail that fails (the SMTP server is down) is retried for about a day, then given up. */
const MAX_ATTEMPTS = 12;

/**
 * Adds a job in the caller's transaction (what `JobQueue.enqueue` does); any process
 * whose queue has the job's handler runs it. Needs graphile-worker's schema, which
 * the first queue started on the database installs.
 */
export async function addJob<N extends JobName>(
  tx: Prisma.TransactionClient,
  name: N,
  payload: JobPayloads[N],
  options: EnqueueOptions = {},
): Promise<void> {
  await tx.$executeRaw`select ${addJobSql(name, Prisma.sql`${JSON.stringify(payload)}::json`, options)}`;
}

/**
 * The call that adds a job, inside a statement of the caller's. `payload` is SQL giving json;
 * `runAfterSeconds` counts from the statement's own clock; `runAtSql` is a timestamptz,
 * `jobKeySql` text (one statement can add a job per row it selects).
 */
export function addJobSql(
  name: JobName,
  payload: Prisma.Sql,
  options: EnqueueOptions & { runAfterSeconds?: number; runAtSql?: Prisma.Sql; jobKeySql?: Prisma.Sql } = {},
): Prisma.Sql {
  const runAt =
    options.runAtSql ??
    (options.runAfterSeconds !== undefined
      ? Prisma.sql`now() + ${options.runAfterSeconds} * interval '1 second'`
      : Prisma.sql`${options.runAt?.toISOString() ?? null}::timestamptz`);
  return Prisma.sql`graphile_worker.add_job(
    identifier => ${name}, payload => ${payload}, max_attempts => ${MAX_ATTEMPTS}, run_at => ${runAt},
    job_key => ${options.jobKeySql ?? Prisma.sql`${options.jobKey ?? null}::text`}, job_key_mode => ${options.jobKeyMode ?? "replace"})`;
}

let guarded = false;
/**
 * graphile-worker 0.17.3 does not await the statement that marks a finished job done
 * or failed (worker.js calls `completeJob`/`failJob` and moves on). When PostgreSQL
 * goes away just as a job finishes — the push sweep finishes one every 2 s — that
 * rejection is unhandled, and Node would end the whole API process (the stack test's
 * database outage did). Such a rejection is logged instead: the job's lock lapses and
 * it runs again (each of ours is safe to run twice). Any other unhandled rejection is
 * thrown on, so Node still ends the process for it as it would without this handler.
 */
function guardAgainstUnawaitedJobWrites(log: Logger) {
  if (guarded) return;
  guarded = true;
  process.on("unhandledRejection", (reason) => {
    const stack = reason instanceof Error ? (reason.stack ?? "") : "";
    if (/graphile-worker[\\/]dist[\\/]sql[\\/](completeJobs|failJobs)\.js/.test(stack)) {
      log.warn({ err: reason }, "the job queue lost its database while finishing a job; the job will run again");
      return;
    }
    throw reason;
  });
}

/**
 * Jobs live in PostgreSQL (graphile-worker): they survive restarts, each runs once
 * however many API processes work the queue, failures are retried with
 * exponential backoff, and LISTEN/NOTIFY starts a new job within milliseconds.
 */
export async function startJobQueue(options: {
  connectionString: string;
  /** A queue works the jobs it has handlers for (tests start some); the rest wait for a queue that has. */
  handlers: Partial<JobHandlers>;
  logger: Logger;
  concurrency?: number;
}): Promise<JobQueue> {
  const log = options.logger.child({ component: "jobs" });
  const taskList: Record<string, Task> = {};
  for (const [name, handler] of Object.entries(options.handlers)) {
    // Payloads come back from the database as JSON: the handler's shape is ours.
    taskList[name] = (payload) => (handler as (payload: unknown) => Promise<void>)(payload);
  }
  // A pool of our own, closed by stop(): nothing of the queue outlives it, and a
  // connection the server ends (a restart, a dropped database) is logged, not thrown.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: (options.concurrency ?? 2) + 2 });
  const lost = (err: Error) => log.warn({ err: { message: err.message } }, "job queue connection lost; it reconnects");
  pool.on("error", lost);
  // A checked-out client's error does not reach the pool: each client gets the listener too.
  pool.on("connect", (client) => client.on("error", lost));
  guardAgainstUnawaitedJobWrites(log);
  const runner: Runner = await run({
    pgPool: pool,
    concurrency: options.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 2_000,
    // "Is this job due?" by the API's clock, the one that set its run_at: a test that
    // moves the clock (vi.setSystemTime) moves the queue with it.
    useNodeTime: true,
    taskList,
    crontab: SCHEDULE.filter(([name]) => name in options.handlers)
      .map(([name, when]) => `${when} ${name}`)
      .join("\n"),
    logger: new WorkerLogger(() => (level, message, meta) => {
      // LogLevel is an ambient const enum (unreadable at run time here): its values are these strings.
      const name = level as string;
      if (name === "error") log.error(meta ?? {}, message);
      else if (name === "warning") log.warn(meta ?? {}, message);
      else log.debug(meta ?? {}, message);
    }),
  });
  let failedRuns = 0;
  runner.events.on("job:failed", ({ job, error }) => {
    failedRuns++;
    log.warn({ err: error, job: job.task_identifier, attempts: job.attempts }, "job failed; it will be retried");
  });
  let stopped: Promise<void> | undefined;
  return {
    enqueue: addJob,
    async stats() {
      const { rows } = await pool.query<{ due: number; given_up: number }>(
        `select count(*) filter (where is_available and run_at <= now())::int as due,
                count(*) filter (where attempts >= max_attempts)::int as given_up
         from graphile_worker._private_jobs`,
      );
      return { due: rows[0]?.due ?? 0, givenUp: rows[0]?.given_up ?? 0, failedRuns };
    },
    stop() {
      // Idempotent: a shutdown and a test's clean-up may both ask.
      stopped ??= runner.stop().then(() => pool.end());
      return stopped;
    },
  };
}
