import type { Db } from "@orgo/db";
import type { EventBus } from "../../src/platform/events/event-bus.js";
import type { FileStorage } from "../../src/platform/storage/file-storage.js";
import type { RateLimiter } from "../../src/platform/rate-limit/rate-limiter.js";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";
import { createSafety } from "../../src/domains/safety/safety.js";

/** The content guard as the app builds it (new accounts' limits, watched words, repeats), for service tests. */
export function testGuard(deps: {
  db: Db;
  bus: EventBus;
  storage: FileStorage;
  limiter?: RateLimiter;
  now?: () => Date;
}) {
  const limiter = deps.limiter ?? createMemoryRateLimiter();
  const { guard } = createSafety({ ...deps, limiter, now: deps.now ?? (() => new Date()) });
  return { limiter, guard };
}
