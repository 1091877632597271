import { describe, expect, it } from "vitest";
import { LiveFeed, type LiveSink, type LiveSource } from "@orgo/api-contract/server";
import type { TEventEnvelope } from "@orgo/api-contract";
import { createMemoryEventBus } from "../../src/platform/events/memory-event-bus.js";
import { createChannelHub } from "../../src/platform/live/channel-hub.js";
import { waitFor } from "../helpers/wait.js";

/**
 * A room of 10 committed items whose reads take a few milliseconds and count how many
 * run at once (what a pool of database connections would see).
 */
function slowRoom() {
  const reads = { now: 0, most: 0 };
  const timed = async <T>(value: T): Promise<T> => {
    reads.now++;
    reads.most = Math.max(reads.most, reads.now);
    await new Promise((resolve) => setTimeout(resolve, 5));
    reads.now--;
    return value;
  };
  const source = (afterId: number): LiveSource<number> => ({
    channel: "chat:room:1",
    select: (event: TEventEnvelope) => (event.type === "chat.message" ? 0 : null),
    catchUp: (after) => timed(Array.from({ length: Math.max(0, 10 - after) }, (_, i) => after + i + 1)),
    headId: () => timed(10),
    open: () => timed(10),
    resumable: true,
    idOf: (item) => item,
    afterId,
    maxQueue: 100,
    iterate: () => {
      throw new Error("served by the hub only");
    },
  });
  return { reads, source };
}

function collectingSink() {
  const got: number[] = [];
  let started = false;
  const sink: LiveSink = {
    started: () => (started = true),
    send: (value) => got.push(value as number),
    writable: () => null,
    end: () => undefined,
  };
  return { sink, got, started: () => started };
}

/** A reconnect storm: 50 subscribers resuming at once, each behind by a few items. */
async function storm(databaseReads?: number) {
  const hub = createChannelHub(createMemoryEventBus(), { databaseReads });
  const room = slowRoom();
  const signal = new AbortController().signal;
  const tabs = Array.from({ length: 50 }, (_, i) => {
    const tab = collectingSink();
    hub.attach(LiveFeed.of(room.source(i % 5), signal), tab.sink);
    return tab;
  });
  await waitFor(() => tabs.every((tab, i) => tab.started() && tab.got.length === 10 - (i % 5)), "every tab caught up");
  return { tabs, reads: room.reads };
}

describe("channel hub", () => {
  it("reads the database for at most `databaseReads` subscriptions at once in a reconnect storm, and serves every one", async () => {
    const { tabs, reads } = await storm(3);
    expect(reads.most).toBe(3);
    // Every subscriber got exactly what it missed, in order.
    tabs.forEach((tab, i) => {
      const after = i % 5;
      expect(tab.got).toEqual(Array.from({ length: 10 - after }, (_, k) => after + k + 1));
    });
  });

  it("without a bound, the same storm reads for every subscription at once (what the bound is for)", async () => {
    const { reads } = await storm();
    expect(reads.most).toBeGreaterThan(40);
  });
});
