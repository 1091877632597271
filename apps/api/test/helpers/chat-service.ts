import { createChatService } from "../../src/domains/chat/chat.service.js";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";
import type { communityFixture } from "./community-fixture.js";

/**
 * Chat on a community fixture's database and bus. Sends are all but unlimited: the
 * tests send hundreds of messages at once on purpose (the limit has its own test).
 */
export function chatServiceOf(f: ReturnType<typeof communityFixture>) {
  return createChatService({
    db: f.fresh.db,
    bus: f.bus,
    limiter: createMemoryRateLimiter(),
    storage: f.storage,
    guard: f.guard,
    sendLimit: { limit: 10_000, windowMs: 10_000 },
  });
}
