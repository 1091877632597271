import { AppError, serverMessages as m, type TTrust, type TViewer } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import type { RateLimiter, RateLimitRule } from "../../platform/rate-limit/rate-limiter.js";
import { enforce } from "../../platform/rate-limit/limits.js";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Trust levels (docs/moderation.md, "Before anyone reports"): a new account starts
 * limited and grows out of it with time, as Discourse's trust levels do. Moderators
 * and admins are never limited.
 */
const TRUST_LEVELS = {
  /** The first day: few posts, comments and new conversations; no links, no pictures. */
  new: { until: DAY, posts: 3, comments: 10, newChats: 3, links: false, pictures: false },
  /** Days 2–7: more of each, links and pictures allowed. */
  basic: { until: 7 * DAY, posts: 10, comments: 30, newChats: 10, links: true, pictures: true },
} as const;

/** What a limited account may do per window: posts and comments per hour, new conversations per day. */
const windows = { posts: HOUR, comments: HOUR, newChats: DAY } as const;
export type LimitedAction = keyof typeof windows;

/** Links in a text: a scheme, or a bare domain such as example.com/page. */
const LINK = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|io|dev|app|kr|co|me|xyz|link|info|ly)\b/i;
const hasLink = (text: string) => LINK.test(text);

interface Who {
  createdAt: Date;
  role: string;
}

/**
 * Who is writing, cached per process for a minute: every post, comment and message
 * asks, and neither an account's age nor (within a minute) its role changes.
 */
export function createTrust({ db, limiter, now }: { db: Db; limiter: RateLimiter; now: () => Date }) {
  const cache = new Map<string, { who: Who; until: number }>();
  async function whoIs(userId: string): Promise<Who> {
    const hit = cache.get(userId);
    if (hit && hit.until > Date.now()) return hit.who;
    const who = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { createdAt: true, role: true } });
    if (cache.size > 10_000) cache.clear();
    cache.set(userId, { who, until: Date.now() + 60_000 });
    return who;
  }

  function levelOf(who: Who, at: Date): TTrust {
    if (who.role === "moderator" || who.role === "admin") return { level: "staff", nextLevelAt: null };
    const age = at.getTime() - who.createdAt.getTime();
    if (age < TRUST_LEVELS.new.until) {
      return { level: "new", nextLevelAt: new Date(who.createdAt.getTime() + TRUST_LEVELS.new.until) };
    }
    if (age < TRUST_LEVELS.basic.until) {
      return { level: "basic", nextLevelAt: new Date(who.createdAt.getTime() + TRUST_LEVELS.basic.until) };
    }
    return { level: "member", nextLevelAt: null };
  }

  return {
    async trustOf(viewer: TViewer): Promise<TTrust> {
      return levelOf(await whoIs(viewer.userId), now());
    },

    /**
     * Refuses what the writer's level does not allow yet: links or pictures on the
     * first day, and past the level's count per window (counted only for limited
     * accounts, only when everything else allowed the write).
     */
    async check(viewer: TViewer, write: { action?: LimitedAction; text?: string; pictures?: boolean }): Promise<void> {
      const trust = levelOf(await whoIs(viewer.userId), now());
      if (trust.level !== "new" && trust.level !== "basic") return;
      const level = TRUST_LEVELS[trust.level];
      if (!level.links && write.text && hasLink(write.text)) throw new AppError("FORBIDDEN", m.newAccountNoLinks);
      if (!level.pictures && write.pictures) throw new AppError("FORBIDDEN", m.newAccountNoPictures);
      if (!write.action) return;
      const rule: RateLimitRule = { limit: level[write.action], windowMs: windows[write.action] };
      try {
        await enforce(limiter, [[`trust:${write.action}:${viewer.userId}`, rule]]);
      } catch (error) {
        if (error instanceof AppError && error.code === "RATE_LIMITED") {
          throw new AppError("RATE_LIMITED", m.newAccountSlowDown, error.details);
        }
        throw error;
      }
    },

    /** Forgets a person's cached role (an admin just changed it). */
    forget(userId: string) {
      cache.delete(userId);
    },
  };
}

export type Trust = ReturnType<typeof createTrust>;
