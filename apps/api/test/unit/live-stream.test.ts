import { describe, expect, it } from "vitest";
import { makePostFor } from "../helpers/posts.js";
import { createMemoryEventBus } from "../../src/platform/events/memory-event-bus.js";
import { liveStream, StreamOverflowError } from "../../src/platform/live/live-stream.js";
import type { TPostSummary } from "@orgo/api-contract";

/** A fake "database" of committed posts plus a bus, to drive liveStream by hand. */
function harness(committedIds: number[]) {
  const bus = createMemoryEventBus();
  const committed = new Set(committedIds);
  const controller = new AbortController();
  let catchUps = 0;
  const stream = (afterId: number | null, maxQueue?: number) =>
    liveStream<TPostSummary>({
      bus,
      channel: "posts",
      select: (e) => (e.type === "post.created" ? e.data : null),
      catchUp: (after) => {
        catchUps++;
        return Promise.resolve(
          [...committed]
            .filter((id) => id > after)
            .sort((a, b) => a - b)
            .map(makePostFor),
        );
      },
      headId: () => Promise.resolve(Math.max(0, ...committed)),
      idOf: (p) => p.id,
      afterId,
      signal: controller.signal,
      maxQueue,
    });
  const commit = async (id: number) => {
    committed.add(id);
    await bus.publish("posts", { v: 1, type: "post.created", data: makePostFor(id) });
  };
  return { bus, stream, commit, committed, controller, catchUps: () => catchUps };
}

async function take<T>(iterator: AsyncGenerator<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

const idOf = (result: IteratorResult<TPostSummary>) => (result.done ? null : result.value.id);

/** Fails fast instead of waiting for an event that a wrong stream will never yield. */
function within<T>(promise: Promise<T>, ms = 2_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms)),
  ]);
}

describe("liveStream", () => {
  it("catches up from the database after the client's last id, then streams live", async () => {
    const h = harness([1, 2, 3]);
    const it = h.stream(1);
    const first = await take(it, 2);
    expect(first.map((p) => p.id)).toEqual([2, 3]);
    setTimeout(() => void h.commit(4), 10);
    expect((await take(it, 1)).map((p) => p.id)).toEqual([4]);
    h.controller.abort();
  });

  it("starts a fresh subscriber at the newest committed id", async () => {
    const h = harness([1, 2, 3]);
    const it = h.stream(null);
    setTimeout(() => void h.commit(4), 10);
    expect((await take(it, 1)).map((p) => p.id)).toEqual([4]);
    h.controller.abort();
  });

  it("drops an event it already sent during catch-up (no duplicate)", async () => {
    const h = harness([1, 2]);
    const it = h.stream(0);
    // Listening, and the catch-up has already read ids 1 and 2…
    expect(idOf(await it.next())).toBe(1);
    // …when the event for 2 arrives, late.
    await h.bus.publish("posts", { v: 1, type: "post.created", data: makePostFor(2) });
    setTimeout(() => void h.commit(3), 10);
    expect((await take(it, 2)).map((p) => p.id)).toEqual([2, 3]);
    // Two reads to catch up (the second finds nothing newer); the duplicate and
    // the next live event cost no read: a dropped filter would show as a third.
    expect(h.catchUps()).toBe(2);
    h.controller.abort();
  });

  it("fills a gap from the database when live events arrive out of order", async () => {
    const h = harness([1]);
    const it = h.stream(1);
    // The stream is live (caught up, waiting) before anything else commits.
    const first = it.next();
    await new Promise((r) => setTimeout(r, 10));
    expect(h.catchUps()).toBe(1);
    // Post 2 commits on another process and its event is late; 3 is announced first.
    h.committed.add(2);
    await h.commit(3);
    expect([idOf(await within(first)), idOf(await within(it.next()))]).toEqual([2, 3]);
    // The late event for 2 is then dropped.
    await h.bus.publish("posts", { v: 1, type: "post.created", data: makePostFor(2) });
    setTimeout(() => void h.commit(4), 10);
    expect((await take(it, 1)).map((p) => p.id)).toEqual([4]);
    h.controller.abort();
  });

  it("ends with an overflow error when a slow consumer falls too far behind", async () => {
    const h = harness([]);
    const it = h.stream(0, 3);
    const firstNext = it.next();
    await new Promise((r) => setTimeout(r, 10));
    for (let id = 1; id <= 10; id++) await h.commit(id);
    await firstNext;
    await expect(take(it, 20)).rejects.toBeInstanceOf(StreamOverflowError);
  });

  it("unsubscribes from the bus when the client goes away", async () => {
    const h = harness([]);
    let listeners = 0;
    const originalSubscribe = h.bus.subscribe.bind(h.bus);
    const originalUnsubscribe = h.bus.unsubscribe.bind(h.bus);
    h.bus.subscribe = async (channel, handler) => {
      listeners++;
      const off = await originalSubscribe(channel, handler);
      return () => {
        listeners--;
        off();
      };
    };
    h.bus.unsubscribe = (channel, handler) => {
      listeners--;
      originalUnsubscribe(channel, handler);
    };
    const it = h.stream(null);
    const pending = it.next();
    await new Promise((r) => setTimeout(r, 10));
    expect(listeners).toBe(1);
    h.controller.abort();
    await pending;
    expect(listeners).toBe(0);
  });
});
