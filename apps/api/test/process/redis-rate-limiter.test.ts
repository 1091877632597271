import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createRedisRateLimiter } from "../../src/platform/rate-limit/redis-rate-limiter.js";
import type { RateLimiter } from "../../src/platform/rate-limit/rate-limiter.js";
import { redisUrlForTests } from "../helpers/redis.js";

const redisUrl = await redisUrlForTests();

describe.skipIf(!redisUrl)("Redis rate limiter", () => {
  const limiters: RateLimiter[] = [];
  afterAll(() => Promise.all(limiters.map((l) => l.close())));

  it("shares one count between processes, atomically under concurrency", async () => {
    const a = createRedisRateLimiter(redisUrl!);
    const b = createRedisRateLimiter(redisUrl!);
    limiters.push(a, b);
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).hit(key, { limit: 4, windowMs: 60_000 })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(4);
    const refused = results.find((r) => !r.allowed)!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
