export interface RateLimitRule {
  /** Most hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** When not allowed: seconds until the window resets. */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters. Per-process memory is enough on one machine; with several
 * API processes the counters must be shared (Redis), or each process would allow
 * the limit again.
 */
export interface RateLimiter {
  hit(key: string, rule: RateLimitRule): Promise<RateLimitResult>;
  close(): Promise<void>;
}

export function resultOf(count: number, rule: RateLimitRule, msLeft: number): RateLimitResult {
  return count <= rule.limit
    ? { allowed: true, retryAfterSeconds: 0 }
    : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
}
