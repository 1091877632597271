import { pingRedis } from "../../src/platform/events/redis-event-bus.js";

/**
 * Redis for tests: TEST_REDIS_URL or the machine's local server. Without one, Redis
 * tests are skipped on a laptop but fail in CI, where they must run.
 */
export async function redisUrlForTests(): Promise<string | null> {
  const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  if (await pingRedis(url)) return url;
  if (process.env.CI === "true") throw new Error(`CI=true but Redis is not reachable at ${url}`);
  return null;
}
