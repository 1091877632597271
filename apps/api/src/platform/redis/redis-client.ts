import { Cluster, Redis, type RedisOptions } from "ioredis";

/** One Redis, or a Redis Cluster: the commands we send are the same for both. */
export type RedisClient = Redis | Cluster;

const CLUSTER_SCHEME = "redis+cluster://";

/** `redis+cluster://host:port,host:port`: a Redis Cluster, found from any of these nodes. */
export const isClusterUrl = (url: string) => url.startsWith(CLUSTER_SCHEME);

/** The seed nodes of a cluster URL. */
function clusterNodesOf(url: string): { host: string; port: number }[] {
  return url
    .slice(CLUSTER_SCHEME.length)
    .replace(/\/.*$/, "")
    .split(",")
    .filter(Boolean)
    .map((node) => {
      const at = node.lastIndexOf(":");
      return at === -1 ? { host: node, port: 6379 } : { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
    });
}

/**
 * A connection to REDIS_URL: ioredis's Redis, or its Cluster for a cluster URL (every
 * primary reached by slot, the topology refreshed when it changes, replicas promoted
 * on failover). `sharded`: for SSUBSCRIBE (a subscriber connection per primary,
 * following its shards).
 */
export function connectRedis(url: string, options: RedisOptions & { sharded?: boolean } = {}): RedisClient {
  const { sharded = false, ...given } = options;
  // Only what the caller set: an option present as `undefined` replaces ioredis's
  // default (`retryStrategy: undefined` means never reconnect).
  const set = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as RedisOptions;
  if (!isClusterUrl(url)) return new Redis(url, set);
  const { enableOfflineQueue, lazyConnect, retryStrategy, enableAutoPipelining: _pipelining, ...nodeOptions } = set;
  // The cluster's own options, where they differ from a node connection's.
  return new Cluster(clusterNodesOf(url), {
    redisOptions: nodeOptions,
    ...(lazyConnect === undefined ? {} : { lazyConnect }),
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    // Not on a cluster: after a failover, auto-pipelined commands kept answering MOVED
    // (the redirect is followed for single commands, not for these batches) until the
    // process restarted — seen in redis-cluster.test.ts, a publish lost each time.
    enableAutoPipelining: false,
    shardedSubscribers: sharded,
    // A failed primary's replica takes over within the nodes' timeout: keep asking
    // (unless the caller wants no retries, as a readiness ping does).
    clusterRetryStrategy: retryStrategy
      ? (times) => retryStrategy(times) ?? null
      : (times) => Math.min(100 * times, 2_000),
  });
}
