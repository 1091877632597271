import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisPresenceStore, type PresenceStore } from "../../src/platform/presence/presence-store.js";
import { redisUrlForTests } from "../helpers/redis.js";

const redisUrl = await redisUrlForTests();

describe.skipIf(!redisUrl)("Redis presence store (two processes' entries per person)", () => {
  let one: PresenceStore;
  let two: PresenceStore;
  beforeAll(() => {
    one = createRedisPresenceStore(redisUrl!, `p1-${randomUUID()}`);
    two = createRedisPresenceStore(redisUrl!, `p2-${randomUUID()}`);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });
  const stateOf = async (store: PresenceStore, ids: string[]) =>
    Object.fromEntries((await store.get(ids)).map((p) => [p.userId, p.state]));

  it("renews a whole batch at once, more people than one command takes", async () => {
    const ids = Array.from({ length: 1_200 }, () => randomUUID());
    await one.touch(ids, "online", 30_000);
    const states = await stateOf(two, ids);
    expect(Object.values(states).filter((s) => s === "online")).toHaveLength(ids.length);
    const [first] = await two.get([ids[0]!]);
    expect(first!.lastSeenAt).toBeInstanceOf(Date);
  });

  it("keeps each process's entry apart: online anywhere wins over away, and one process leaving hides nothing", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await one.touch([a, b], "away", 30_000);
    await two.touch([b], "online", 30_000);
    expect(await stateOf(one, [a, b])).toEqual({ [a]: "away", [b]: "online" });
    // A process moves a person between states: its old entry goes.
    await one.touch([a], "online", 30_000);
    await one.touch([a], "away", 30_000);
    expect(await stateOf(two, [a])).toEqual({ [a]: "away" });
    expect(await two.offline(b)).toBe(false); // still held by process one
    expect(await stateOf(two, [b])).toEqual({ [b]: "away" });
    expect(await one.offline(b)).toBe(true);
    expect(await stateOf(two, [b])).toEqual({ [b]: "offline" });
  });

  it("lets a person whose process stopped renewing go offline by themselves", async () => {
    const id = randomUUID();
    await one.touch([id], "online", 150);
    expect(await stateOf(two, [id])).toEqual({ [id]: "online" });
    await expect.poll(() => stateOf(two, [id]), { timeout: 2_000 }).toEqual({ [id]: "offline" });
  });
});
