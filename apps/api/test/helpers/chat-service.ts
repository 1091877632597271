import { createChatService } from "../../src/domains/chat/chat.service.js";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";
import type { communityFixture } from "./community-fixture.js";

/**
 * Chat on a community fixture's database and bus. Sends are all but unlimited: the
 * tests send hundreds of messages at once on purpose (the limit has its own test).
 * `previews`: link previews of a test network (link-previews.test.ts).
 */
export function chatServiceOf(f: ReturnType<typeof communityFixture>, previews = f.deps.previews) {
  return createChatService({
    previews,
    db: f.fresh.db,
    bus: f.bus,
    limiter: createMemoryRateLimiter(),
    storage: f.storage,
    guard: f.guard,
    sendLimit: { limit: 10_000, windowMs: 10_000 },
  });
}

/** Two new people, A following B, and the room A opened with B. */
export async function talkingPairOf(f: ReturnType<typeof communityFixture>, chat: ReturnType<typeof chatServiceOf>) {
  const a = await f.person();
  const b = await f.person();
  await f.social.follow(a, b.userId);
  return { a, b, room: await chat.openDirect(a, { userId: b.userId }) };
}
