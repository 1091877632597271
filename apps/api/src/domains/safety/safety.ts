import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import { createTrust } from "./trust.js";
import { createWatchedWords } from "./watched-words.js";
import { createContentGuard } from "./content-guard.js";

/**
 * What every domain that takes writes shares: what a new account may do yet, the
 * watched words (each process keeps one copy, told by the bus when admins change
 * them) and the guard that applies both before a write.
 */
export function createSafety(deps: {
  db: Db;
  bus: EventBus;
  storage: FileStorage;
  limiter: RateLimiter;
  now: () => Date;
}) {
  const trust = createTrust(deps);
  const words = createWatchedWords(deps);
  return { trust, words, guard: createContentGuard({ ...deps, trust, words }) };
}
