import type { TMe } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { JobQueue } from "../../platform/jobs/job-queue.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import type { SessionService } from "../../platform/sessions/session.service.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";

/** What every account and sign-in use case is given. */
export interface AuthDeps {
  db: Db;
  sessions: SessionService;
  jobs: JobQueue;
  limiter: RateLimiter;
  bus: EventBus;
  storage: FileStorage;
  oauthProviders: () => TMe["linkedProviders"];
  now: () => Date;
}
