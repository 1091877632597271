import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import type { TChannel, TEventEnvelope } from "@orgo/api-contract";
import { createLogger } from "../../src/platform/logger.js";
import { createRedisEventBus } from "../../src/platform/events/redis-event-bus.js";
import type { EventBus } from "../../src/platform/events/event-bus.js";
import { makePostFor } from "../helpers/posts.js";
import { redisUrlForTests } from "../helpers/redis.js";

const redisUrl = await redisUrlForTests();

describe.skipIf(!redisUrl)("Redis event bus (two processes' worth of connections)", () => {
  let a: EventBus;
  let b: EventBus;
  let probe: Redis;
  const logger = createLogger("silent");

  beforeAll(() => {
    a = createRedisEventBus(redisUrl!, logger);
    b = createRedisEventBus(redisUrl!, logger);
    probe = new Redis(redisUrl!);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    probe.disconnect();
  });

  const event = (id: number): TEventEnvelope => ({ v: 1, type: "post.created", data: makePostFor(id) });

  it("delivers an event published on one bus to subscribers of the other, with dates intact", async () => {
    const got: TEventEnvelope[] = [];
    const off = await b.subscribe("posts", (e) => got.push(e));
    await a.publish("posts", event(1));
    await expect.poll(() => got.length).toBe(1);
    const first = got[0]!;
    expect(first.type === "post.created" && first.data.createdAt).toBeInstanceOf(Date);
    off();
  });

  it("subscribes to a Redis channel once however many listeners, and leaves it with the last", async () => {
    const count = async () => {
      const result = (await probe.call("pubsub", "numsub", "orgo:events:posts")) as [string, number];
      return Number(result[1]);
    };
    const before = await count();
    const off1 = await b.subscribe("posts", () => {});
    const off2 = await b.subscribe("posts", () => {});
    expect(await count()).toBe(before + 1);
    off1();
    expect(await count()).toBe(before + 1);
    off2();
    await expect.poll(count).toBe(before);
  });

  it("drops an envelope that does not validate instead of crashing", async () => {
    const got: TEventEnvelope[] = [];
    const off = await b.subscribe("posts", (e) => got.push(e));
    await probe.publish("orgo:events:posts", JSON.stringify({ v: 99, type: "post.created", data: {} }));
    await probe.publish("orgo:events:posts", "not json");
    await a.publish("posts", event(2));
    await expect.poll(() => got.map((e) => (e.type === "post.created" ? e.data.id : null))).toEqual([2]);
    off();
  });

  it("sends one event for many channels as one message, handed as one object to each channel listened to", async () => {
    const heard: [string, TEventEnvelope][] = [];
    const listen = (bus: EventBus, channel: TChannel) => bus.subscribe(channel, (e) => heard.push([channel, e]));
    const offs = await Promise.all([
      listen(b, "chat:user:one"),
      listen(b, "chat:user:two"),
      listen(a, "chat:user:three"),
    ]);
    const messages: string[] = [];
    const spy = new Redis(redisUrl!);
    await spy.psubscribe("orgo:events:*");
    spy.on("pmessage", (_pattern, channel: string) => messages.push(channel));
    const inbox: TEventEnvelope = { v: 1, type: "chat.inbox", data: { roomId: 7 } };
    await a.publishToMany(["chat:user:one", "chat:user:two", "chat:user:three", "chat:user:nobody"], inbox);
    await expect.poll(() => heard.length).toBe(3);
    expect(heard.map(([channel]) => channel).sort()).toEqual(["chat:user:one", "chat:user:three", "chat:user:two"]);
    expect(heard.every(([, e]) => e.type === "chat.inbox" && e.data.roomId === 7)).toBe(true);
    // Both of b's channels got the very same object: it is serialised once for both.
    const ofB = heard.filter(([channel]) => channel !== "chat:user:three").map(([, e]) => e);
    expect(ofB[0]).toBe(ofB[1]);
    expect(messages).toEqual(["orgo:events:*many"]);
    // One channel alone is an ordinary publish, heard only where that channel is.
    await a.publishToMany(["chat:user:three"], inbox);
    await expect.poll(() => heard.length).toBe(4);
    expect(messages).toEqual(["orgo:events:*many", "orgo:events:chat:user:three"]);
    // A message for many channels without their names is dropped, not a crash.
    await probe.publish("orgo:events:*many", JSON.stringify(inbox));
    await probe.publish("orgo:events:*many", `{"no":1}\n${JSON.stringify({ json: inbox })}`);
    await a.publishToMany(["chat:user:one", "chat:user:two"], { v: 1, type: "chat.inbox", data: { roomId: 8 } });
    await expect.poll(() => heard.length).toBe(6);
    expect(heard.slice(4).map(([, e]) => e.type === "chat.inbox" && e.data.roomId)).toEqual([8, 8]);
    for (const off of offs) off();
    spy.disconnect();
  });
});
