import { AppError, serverMessages } from "@orgo/api-contract";
import type { RateLimiter, RateLimitRule } from "./rate-limiter.js";

/** The product's limits in one place. */
export const limits = {
  signInPerIp: { limit: 30, windowMs: 15 * 60_000 },
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 10, windowMs: 60 * 60_000 },
  /** "Send the code again" from the same browser. */
  signUpResend: { limit: 1, windowMs: 60_000 },
  /** Mail of any kind (codes, reset links, notices) to one address, whoever asks. */
  mailPerAddress: { limit: 5, windowMs: 60 * 60_000 },
  resetPerIp: { limit: 10, windowMs: 60 * 60_000 },
  resetPerAccount: { limit: 3, windowMs: 60 * 60_000 },
  oauthPerIp: { limit: 30, windowMs: 15 * 60_000 },
  uploadsPerUser: { limit: 60, windowMs: 60 * 60_000 },
  searchLogPerIp: { limit: 60, windowMs: 60 * 60_000 },
  /** Reactions added or taken back, per person: a click-happy hand, not a script. */
  reactionsPerUser: { limit: 120, windowMs: 60_000 },
  /** Pins and unpins, per person. */
  pinsPerUser: { limit: 60, windowMs: 60_000 },
  /** A client in an error loop reports a few, not thousands, into the log. */
  clientErrorsPerIp: { limit: 10, windowMs: 60_000 },
} satisfies Record<string, RateLimitRule>;

/** Counts one hit on every key; refuses with the longest wait if any is over its limit. */
export async function enforce(limiter: RateLimiter, hits: [string, RateLimitRule][]): Promise<void> {
  const results = await Promise.all(hits.map(([key, rule]) => limiter.hit(key, rule)));
  const refused = results.filter((r) => !r.allowed);
  if (refused.length) {
    const retryAfterSeconds = Math.max(...refused.map((r) => r.retryAfterSeconds));
    throw new AppError("RATE_LIMITED", serverMessages.tooManyAttempts, {
      retryAfterSeconds,
    });
  }
}
