import type { Result } from "ioredis";
import { connectRedis, isClusterUrl } from "../redis/redis-client.js";
import type { TPresence } from "@orgo/api-contract";

/** "visible": a tab of theirs is shown (push would tell them nothing new); "online": one was, moments ago. */
export type TabState = "visible" | "online" | "away";

/**
 * Where presence lives: never in PostgreSQL. A key per person with a short TTL that
 * the process holding their sockets renews; a process that dies stops renewing, so
 * its people go offline by themselves. "Last seen" is kept beside it without a TTL.
 */
export interface PresenceStore {
  /** These people are online (a tab shown, or one hidden moments ago) or away for `ttlMs` more, unless renewed. */
  touch(userIds: readonly string[], state: TabState, ttlMs: number): Promise<void>;
  /** Their last socket on this process closed: answers whether they are now offline everywhere. */
  offline(userId: string): Promise<boolean>;
  get(userIds: string[]): Promise<TPresence[]>;
  /** Of these people, those looking at OrGo now: a tab of theirs is shown, on any process. */
  looking(userIds: string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

export function createMemoryPresenceStore(now: () => number = Date.now): PresenceStore {
  const live = new Map<string, { state: TabState; until: number }>();
  const lastSeen = new Map<string, number>();
  return {
    touch(userIds, state, ttlMs) {
      for (const userId of userIds) {
        live.set(userId, { state, until: now() + ttlMs });
        lastSeen.set(userId, now());
      }
      return Promise.resolve();
    },
    offline(userId) {
      live.delete(userId);
      lastSeen.set(userId, now());
      return Promise.resolve(true);
    },
    get(userIds) {
      return Promise.resolve(
        userIds.map((userId) => {
          const entry = live.get(userId);
          const seen = lastSeen.get(userId);
          return {
            userId,
            state: entry && entry.until > now() ? (entry.state === "visible" ? "online" : entry.state) : "offline",
            lastSeenAt: seen === undefined ? null : new Date(seen),
          };
        }),
      );
    },
    looking(userIds) {
      return Promise.resolve(
        new Set(userIds.filter((id) => live.get(id)?.state === "visible" && live.get(id)!.until > now())),
      );
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Renews a batch of people in one atomic command. KEYS: each person's presence key,
 * then their last-seen key; ARGV: now, the TTL, the member to set, then this process's
 * members to drop first (a process holds one state per person).
 */
const TOUCH_SCRIPT = `
local at, ttl, member = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
for i = 1, #KEYS, 2 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', at)
  redis.call('ZREM', KEYS[i], ARGV[4], ARGV[5], ARGV[6])
  redis.call('ZADD', KEYS[i], at + ttl, member)
  redis.call('PEXPIRE', KEYS[i], ttl)
  redis.call('SET', KEYS[i + 1], at)
end
return #KEYS / 2
`;
/** People per renewal command: a thousand online people are ten short commands (Redis serves others between them), not a thousand transactions. */
const TOUCH_BATCH = 100;

/**
 * In Redis each person has a sorted set of `<process>:<state>` members scored by
 * when they expire, so a tab on one process closing never hides a tab open on
 * another, and a dead process's entry simply runs out.
 */
export function createRedisPresenceStore(url: string, processId: string): PresenceStore {
  const redis = connectRedis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  // On a cluster a command's keys must share a slot: one person's two keys do (their
  // hash tag is the id), several people's do not, so each is renewed on their own
  // (auto-pipelining still sends a node's commands in one write).
  const touchBatch = isClusterUrl(url) ? 1 : TOUCH_BATCH;
  redis.on("error", () => {
    // Reconnects by itself; presence is best effort while Redis is away.
  });
  // Sent by its hash once loaded (ioredis falls back to the script text when Redis lost it).
  redis.defineCommand("orgoTouchPresence", { lua: TOUCH_SCRIPT });
  // `{id}`: a person's keys hash to one slot (Redis Cluster's hash tags).
  const key = (id: string) => `orgo:presence:{${id}}`;
  const seenKey = (id: string) => `orgo:lastseen:{${id}}`;
  const mine = ["visible", "online", "away"].map((state) => `${processId}:${state}`);
  return {
    async touch(userIds, state, ttlMs) {
      const at = Date.now();
      const batches: Promise<number>[] = [];
      for (let i = 0; i < userIds.length; i += touchBatch) {
        const keys = userIds.slice(i, i + touchBatch).flatMap((id) => [key(id), seenKey(id)]);
        batches.push(redis.orgoTouchPresence(keys.length, ...keys, at, ttlMs, `${processId}:${state}`, ...mine));
      }
      await Promise.all(batches);
    },
    async offline(userId) {
      const at = Date.now();
      const results = await redis
        .multi()
        .zrem(key(userId), ...mine)
        .zremrangebyscore(key(userId), "-inf", at)
        .zcard(key(userId))
        .set(seenKey(userId), at)
        .exec();
      return Number(results?.[2]?.[1] ?? 0) === 0;
    },
    async get(userIds) {
      if (userIds.length === 0) return [];
      const at = Date.now();
      // Separate commands, not one pipeline: on a cluster the keys live on several
      // nodes; auto-pipelining groups each node's commands into one write.
      const results = await Promise.all(
        userIds.map((id) => Promise.all([redis.zrangebyscore(key(id), at, "+inf"), redis.get(seenKey(id))])),
      );
      return userIds.map((userId, i) => {
        const [members, seen] = results[i]!;
        const states = members.map((member) => member.slice(member.lastIndexOf(":") + 1));
        return {
          userId,
          state:
            states.includes("online") || states.includes("visible")
              ? "online"
              : states.includes("away")
                ? "away"
                : "offline",
          lastSeenAt: seen ? new Date(Number(seen)) : null,
        };
      });
    },
    async looking(userIds) {
      if (userIds.length === 0) return new Set();
      const at = Date.now();
      const results = await Promise.all(userIds.map((id) => redis.zrangebyscore(key(id), at, "+inf")));
      return new Set(userIds.filter((_, i) => results[i]!.some((m) => m.endsWith(":visible"))));
    },
    async close() {
      await redis.quit().catch(() => {});
    },
  };
}

// The command defineCommand adds, typed the way ioredis documents for custom commands.
declare module "ioredis" {
  interface RedisCommander<Context> {
    orgoTouchPresence(keyCount: number, ...keysAndArgs: (string | number)[]): Result<number, Context>;
  }
}
