import type { RedisClient } from "../redis/redis-client.js";

/**
 * Resolves when `redis` is first ready, or after `timeoutMs` (then resolves too; the
 * caller's command fails on its own if Redis is still away). Connections without an
 * offline queue would otherwise refuse the commands of their first few milliseconds.
 */
export function waitForFirstReady(redis: RedisClient, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
