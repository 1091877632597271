import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/platform/config/config.js";
import { createOrigins } from "../../src/platform/http/origins.js";

describe("configuration", () => {
  it("is frozen all the way down once loaded", () => {
    const config = loadConfig({ PORT: "3100" });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.allowedOrigins)).toBe(true);
    expect(Object.isFrozen(config.socketLimits)).toBe(true);
    expect(() => (config.allowedOrigins as string[]).push("https://evil.example")).toThrow(TypeError);
    expect(config.allowedOrigins).toEqual(["http://localhost:3100", "http://127.0.0.1:3100"]);
  });

  it("takes a server's own address as its origins when it binds a free port and none are set", () => {
    const origins = createOrigins(loadConfig({ PORT: "0" }));
    origins.listening("http://127.0.0.1:41234", 41234);
    expect(origins.allowed).toEqual(["http://localhost:41234", "http://127.0.0.1:41234"]);
    expect(origins.public).toBe("http://127.0.0.1:41234");
  });

  it("keeps configured origins whatever port it binds", () => {
    const origins = createOrigins(
      loadConfig({ PORT: "0", ALLOWED_ORIGINS: "https://orgo.example", PUBLIC_ORIGIN: "https://orgo.example" }),
    );
    origins.listening("http://127.0.0.1:41234", 41234);
    expect(origins.allowed).toEqual(["https://orgo.example"]);
    expect(origins.public).toBe("https://orgo.example");
  });

  it("keeps uploads on disk unless a bucket and its credentials are all set", () => {
    expect(loadConfig({}).s3).toBeNull();
    expect(() => loadConfig({ S3_BUCKET: "orgo-uploads" })).toThrow(/S3_ACCESS_KEY_ID/);
    const withEndpoint = loadConfig({
      S3_BUCKET: "orgo-uploads",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
    }).s3;
    expect(withEndpoint).toMatchObject({ bucket: "orgo-uploads", region: "us-east-1", forcePathStyle: true });
    const aws = loadConfig({ S3_BUCKET: "orgo-uploads", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" }).s3;
    expect(aws).toMatchObject({ endpoint: undefined, forcePathStyle: false });
  });

  it("takes a Redis Cluster from REDIS_CLUSTER_NODES or a redis+cluster URL, and refuses a malformed one", () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.1:7000,10.0.0.2:7000" }).redisUrl).toBe(
      "redis+cluster://10.0.0.1:7000,10.0.0.2:7000",
    );
    expect(loadConfig({ REDIS_URL: "redis+cluster://a:7000,b:7001" }).redisUrl).toBe("redis+cluster://a:7000,b:7001");
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).redisUrl).toBe("redis://127.0.0.1:6379");
    expect(() => loadConfig({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: "a,b" })).toThrow(/REDIS_CLUSTER_NODES/);
  });
});
