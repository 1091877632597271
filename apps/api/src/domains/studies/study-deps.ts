import type { Db, Prisma } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import type { ContentGuard } from "../safety/content-guard.js";

export type Tx = Prisma.TransactionClient;

/** What every study use case is given. */
export interface StudyDeps {
  db: Db;
  bus: EventBus;
  now: () => Date;
  limiter: RateLimiter;
  /** The watched words (a study's title and description) and a new account's limits. */
  guard: ContentGuard;
  /** Where people open OrGo: the calendar's events link back to their study. */
  publicOrigin: () => string;
}

/** Join, leave, join… on one study: a loop past this an hour is refused (its leader hears once anyway). */
export const MEMBERSHIP_TOGGLES = { limit: 10, windowMs: 3600_000 };

/** Notifications made inside a change, published after its commit. */
export type Changed = { recipientId: string; id: number | null }[];

/** The anonymous viewer's id in queries that ask "is this me": matches nobody. */
export const nobody = "00000000-0000-0000-0000-000000000000";
