import { describe, expect, it } from "vitest";
import { Cluster, Redis } from "ioredis";
import { connectRedis } from "../../src/platform/redis/redis-client.js";

describe("connectRedis", () => {
  it("keeps ioredis's defaults for what the caller left unset (retries, offline queue)", () => {
    const redis = connectRedis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: undefined }) as Redis;
    expect(redis).toBeInstanceOf(Redis);
    // `retryStrategy: undefined` would mean "never reconnect": the Redis restart test lost every event after it.
    expect(typeof redis.options.retryStrategy).toBe("function");
    expect(redis.options.enableOfflineQueue).toBe(true);
    redis.disconnect();
  });

  it("makes a cluster client of a redis+cluster URL, without auto-pipelining", () => {
    const cluster = connectRedis("redis+cluster://10.0.0.1:7000,10.0.0.2:7001", {
      lazyConnect: true,
      enableAutoPipelining: true,
      sharded: true,
    });
    expect(cluster).toBeInstanceOf(Cluster);
    const { options, startupNodes } = cluster as Cluster & { startupNodes: unknown };
    expect(options).toMatchObject({ enableAutoPipelining: false, shardedSubscribers: true, lazyConnect: true });
    expect(startupNodes).toEqual([
      { host: "10.0.0.1", port: 7000 },
      { host: "10.0.0.2", port: 7001 },
    ]);
    cluster.disconnect();
  });
});
