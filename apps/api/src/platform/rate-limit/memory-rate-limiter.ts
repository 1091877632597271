import { resultOf, type RateLimiter } from "./rate-limiter.js";

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  // Expired windows are dropped now and then, so the map cannot grow without bound.
  const sweep = setInterval(() => {
    const at = now();
    for (const [key, window] of windows) if (window.resetAt <= at) windows.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    hit(key, rule) {
      const at = now();
      let window = windows.get(key);
      if (!window || window.resetAt <= at) windows.set(key, (window = { count: 0, resetAt: at + rule.windowMs }));
      window.count++;
      return Promise.resolve(resultOf(window.count, rule, window.resetAt - at));
    },
    close() {
      clearInterval(sweep);
      windows.clear();
      return Promise.resolve();
    },
  };
}
