import { connectRedis } from "../redis/redis-client.js";
import type { Logger } from "../logger.js";
import { createMemoryRateLimiter } from "./memory-rate-limiter.js";
import { resultOf, type RateLimiter } from "./rate-limiter.js";
import { waitForFirstReady } from "../events/redis-ready.js";

// One round trip, atomic: count the hit and start the window on the first one.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

/**
 * Counters shared by every API process. While Redis is away the limits still hold,
 * counted by each process on its own (at most N processes × the limit), instead of
 * refusing everything or letting everything through: a Redis restart neither takes
 * the product down nor opens it to brute force.
 */
export function createRedisRateLimiter(url: string, log?: Logger): RateLimiter {
  // No offline queue: while disconnected a hit fails at once and the local counter answers.
  // One key per command: the same on one Redis and on a cluster.
  const redis = connectRedis(url, { maxRetriesPerRequest: 1, enableAutoPipelining: true, enableOfflineQueue: false });
  redis.on("error", () => {
    // ioredis reconnects by itself; meanwhile hits are counted in memory.
  });
  const local = createMemoryRateLimiter();
  let away = false;
  // Before the first connection, wait for it (briefly) rather than count locally.
  const firstConnection = waitForFirstReady(redis, 2_000);
  return {
    async hit(key, rule) {
      try {
        if (redis.status !== "ready") await firstConnection;
        const [count, pttl] = (await redis.eval(HIT_SCRIPT, 1, `orgo:rl:${key}`, String(rule.windowMs))) as [
          number,
          number,
        ];
        if (away) log?.info("rate limits are shared through redis again");
        away = false;
        return resultOf(count, rule, pttl > 0 ? pttl : rule.windowMs);
      } catch (error) {
        if (!away) log?.warn({ err: error }, "redis is away: rate limits are counted per process");
        away = true;
        return local.hit(key, rule);
      }
    },
    async close() {
      await Promise.all([redis.quit().catch(() => {}), local.close()]);
    },
  };
}
