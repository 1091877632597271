import { Redis } from "ioredis";
import { resultOf, type RateLimiter } from "./rate-limiter.js";

// One round trip, atomic: count the hit and start the window on the first one.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

export function createRedisRateLimiter(url: string): RateLimiter {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  redis.on("error", () => {
    // ioredis reconnects by itself; a failed hit surfaces as an error to the caller.
  });
  return {
    async hit(key, rule) {
      const [count, pttl] = (await redis.eval(HIT_SCRIPT, 1, `orgo:rl:${key}`, String(rule.windowMs))) as [
        number,
        number,
      ];
      return resultOf(count, rule, pttl > 0 ? pttl : rule.windowMs);
    },
    async close() {
      await redis.quit().catch(() => {});
    },
  };
}
