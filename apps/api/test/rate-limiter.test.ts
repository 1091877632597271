import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createMemoryRateLimiter } from "../src/rate-limit/memory-rate-limiter.js";
import { createRedisRateLimiter } from "../src/rate-limit/redis-rate-limiter.js";
import type { RateLimiter } from "../src/rate-limit/rate-limiter.js";
import { redisUrlForTests } from "./helpers/redis.js";

const redisUrl = await redisUrlForTests();
const rule = { limit: 3, windowMs: 1000 };

describe("memory rate limiter", () => {
  it("allows the limit per window, then says how long to wait, then allows again", async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter(() => now);
    for (let i = 0; i < 3; i++) expect((await limiter.hit("k", rule)).allowed).toBe(true);
    expect(await limiter.hit("k", rule)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await limiter.hit("other", rule)).allowed).toBe(true);
    now = 1000;
    expect((await limiter.hit("k", rule)).allowed).toBe(true);
    await limiter.close();
  });
});

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
