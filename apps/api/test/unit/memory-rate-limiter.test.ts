import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";

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
