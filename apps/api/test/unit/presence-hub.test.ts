import { describe, expect, it } from "vitest";
import { channels, type TPresence } from "@orgo/api-contract";
import type { LiveSink } from "@orgo/api-contract/server";
import { createMemoryEventBus } from "../../src/platform/events/memory-event-bus.js";
import type { EventBus } from "../../src/platform/events/event-bus.js";
import { createMemoryPresenceStore } from "../../src/platform/presence/presence-store.js";
import { createPresenceHub } from "../../src/platform/presence/presence-hub.js";
import { waitFor } from "../helpers/wait.js";

/** A tab's sink: what it was sent, whether it started, how it ended. */
function tab() {
  const got: TPresence[] = [];
  const state = { started: false, ended: false as unknown };
  const sink: LiveSink = {
    started: () => void (state.started = true),
    send: (value) => void got.push(value as TPresence),
    writable: () => null,
    end: (error) => void (state.ended = error ?? true),
  };
  return { sink, got, state };
}

/** The memory bus, counting its listeners per channel. */
function countingBus() {
  const bus = createMemoryEventBus();
  const listeners = new Map<string, number>();
  const counted: EventBus = {
    ...bus,
    subscribe: (channel, handler) => {
      listeners.set(channel, (listeners.get(channel) ?? 0) + 1);
      return bus.subscribe(channel, handler);
    },
    unsubscribe: (channel, handler) => {
      listeners.set(channel, (listeners.get(channel) ?? 0) - 1);
      bus.unsubscribe(channel, handler);
    },
  };
  return { bus: counted, listeners };
}

describe("the presence hub", () => {
  const alice = "00000000-0000-4000-8000-00000000000a";
  const bob = "00000000-0000-4000-8000-00000000000b";
  const viewer = "00000000-0000-4000-8000-0000000000ff";

  it("serves every tab watching a person from one listener, and lets it go with the last", async () => {
    const { bus, listeners } = countingBus();
    const store = createMemoryPresenceStore();
    const hub = createPresenceHub({ bus, store, visibleTo: (_v, ids) => Promise.resolve(ids), recheckEveryMs: 60_000 });
    const tabs = [tab(), tab(), tab()];
    const handles = tabs.map((t) => hub.watch(viewer, [alice, bob], t.sink));
    await waitFor(() => tabs.every((t) => t.state.started), "every watch started");
    expect(listeners.get(channels.presence(alice))).toBe(1);
    expect(listeners.get(channels.user(viewer))).toBe(1);
    // The snapshot: both offline.
    await waitFor(() => tabs.every((t) => t.got.length === 2), "the snapshot");

    await bus.publish(channels.presence(alice), {
      v: 1,
      type: "presence.changed",
      data: { userId: alice, state: "online", lastSeenAt: null },
    });
    await waitFor(() => tabs.every((t) => t.got.at(-1)?.state === "online"), "alice online everywhere");
    // The same again is not sent twice.
    await bus.publish(channels.presence(alice), {
      v: 1,
      type: "presence.changed",
      data: { userId: alice, state: "online", lastSeenAt: null },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tabs.map((t) => t.got.length)).toEqual([3, 3, 3]);

    handles[0]!.stop();
    handles[1]!.stop();
    expect(listeners.get(channels.presence(alice))).toBe(1);
    handles[2]!.stop();
    expect(listeners.get(channels.presence(alice))).toBe(0);
    expect(listeners.get(channels.user(viewer))).toBe(0);
    expect(hub.stats()).toEqual({ people: 0, watches: 0 });
  });

  it("notices a dead process's people going offline with one timer for every watch", async () => {
    const bus = createMemoryEventBus();
    let clock = 1_000;
    const store = createMemoryPresenceStore(() => clock);
    await store.touch([alice], "visible", 100);
    const hub = createPresenceHub({ bus, store, visibleTo: (_v, ids) => Promise.resolve(ids), recheckEveryMs: 20 });
    const watching = [tab(), tab()];
    const handles = watching.map((t) => hub.watch(viewer, [alice], t.sink));
    await waitFor(() => watching.every((t) => t.got.at(-1)?.state === "online"), "alice online");
    // Her process dies: nothing is published, her entry runs out.
    clock += 200;
    await waitFor(() => watching.every((t) => t.got.at(-1)?.state === "offline"), "alice offline");
    handles.forEach((h) => h.stop());
  });

  it("hides a person the viewer may no longer see, and refuses nobody else", async () => {
    const bus = createMemoryEventBus();
    const store = createMemoryPresenceStore();
    let visible = [alice, bob];
    const hub = createPresenceHub({
      bus,
      store,
      visibleTo: (_v, ids) => Promise.resolve(ids.filter((id) => visible.includes(id))),
      recheckEveryMs: 60_000,
    });
    const t = tab();
    const handle = hub.watch(viewer, [alice, bob], t.sink);
    await waitFor(() => t.got.length === 2, "the snapshot");
    visible = [bob];
    await bus.publish(channels.user(viewer), { v: 1, type: "relation.changed", data: { userIds: [alice] } });
    await waitFor(() => t.got.at(-1)?.state === "hidden", "alice hidden");
    expect(t.got.at(-1)?.userId).toBe(alice);
    await bus.publish(channels.presence(alice), {
      v: 1,
      type: "presence.changed",
      data: { userId: alice, state: "online", lastSeenAt: null },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.got.at(-1)?.state).toBe("hidden");
    handle.stop();
  });
});
