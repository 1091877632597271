import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { JobQueue } from "../../platform/jobs/job-queue.js";
import type { MentorDirectory } from "./mentor-directory.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import type { ContentGuard } from "../safety/content-guard.js";

/** What every mentoring use case is given. */
export interface MentoringDeps {
  db: Db;
  bus: EventBus;
  jobs: JobQueue;
  now: () => Date;
  directory: MentorDirectory;
  limiter: RateLimiter;
  /** The watched words (a mentor's pitch) and a new account's limits. */
  guard: ContentGuard;
  /** Where people open OrGo: a meeting's calendar file links back to it. */
  publicOrigin: () => string;
}

/** Request, withdraw, request… to one mentor: a loop past this an hour is refused (the mentor hears once anyway). */
export const REQUEST_TOGGLES = { limit: 6, windowMs: 3600_000 };
