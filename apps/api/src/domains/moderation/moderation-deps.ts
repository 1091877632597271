import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { JobQueue } from "../../platform/jobs/job-queue.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import type { SessionService } from "../../platform/sessions/session.service.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import type { Trust } from "../safety/trust.js";
import type { WatchedWords } from "../safety/watched-words.js";
import type { KeyedFeedSpec } from "../../platform/live/keyed-feed.js";
import type { TQueueSignal } from "@orgo/api-contract";

/** What every moderation and admin use case is given. */
export interface ModerationDeps {
  db: Db;
  bus: EventBus;
  storage: FileStorage;
  sessions: SessionService;
  jobs: JobQueue;
  limiter: RateLimiter;
  trust: Trust;
  words: WatchedWords;
  now: () => Date;
  /** The rules every moderator's live queue shares. */
  queueFeed: KeyedFeedSpec<TQueueSignal>;
}
