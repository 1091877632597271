import { channels, type TChannel, type TEventEnvelope, type TPresence } from "@orgo/api-contract";
import type { EventBus } from "../events/event-bus.js";
import type { LiveSink } from "@orgo/api-contract/server";
import { withItem, withoutAt } from "../live/small-list.js";
import type { PresenceStore } from "./presence-store.js";

/** One tab's watch of some people's presence: a small record, no generator, no timer, no closure. */
class Watch {
  /** The people it may see and listens to (a follow or a block may take some out). */
  ids: readonly string[] = [];
  /**
   * What it was last sent of each (by position in `ids`), so a repeat is not sent
   * twice: an array beside `ids`, where a Map was ≈ 200 bytes of every watch.
   */
  sent: (TPresence["state"] | undefined)[] = [];
  done = false;

  constructor(
    readonly sink: LiveSink,
    readonly viewerId: string,
    private readonly release: (watch: Watch) => void,
  ) {}

  /** The subscriber is gone: no more for it. */
  stop() {
    if (!this.done) this.release(this);
  }
}

/** A bus channel this process listens to for watches, and the watches that need it. */
class Listened {
  watches: readonly Watch[] = [];
  /** Until the bus listens: what a new watch waits for. */
  listening: Promise<void> | null;

  constructor(
    bus: EventBus,
    readonly channel: TChannel,
    readonly onEvent: (this: Listened, event: TEventEnvelope) => void,
  ) {
    this.listening = bus.subscribe(channel, this).then(() => {
      this.listening = null;
    });
  }
}

export interface PresenceHubDeps {
  bus: EventBus;
  store: PresenceStore;
  /** Of these people, the ones the viewer may see (follow or shared room, no block). */
  visibleTo: (viewerId: string, userIds: string[]) => Promise<string[]>;
  /**
   * A process that died announced nothing, and its people's entries run out after the
   * store's TTL: every watched person is read again this often to notice it.
   */
  recheckEveryMs: number;
}

/**
 * Every presence watch of this process, served like the channel hub serves feeds:
 * one bus listener per watched person (however many tabs watch them), one per
 * watcher for their follows and blocks, and one timer for the whole process that
 * reads every watched person's state in one store call. A watch costs its record
 * and its slots in those lists (a generator with its own listeners and timer per
 * tab was ≈ 6 KiB of every idle chat tab).
 */
export function createPresenceHub({ bus, store, visibleTo, recheckEveryMs }: PresenceHubDeps) {
  const people = new Map<string, Listened>();
  const viewers = new Map<string, Listened>();
  let timer: NodeJS.Timeout | null = null;

  function offer(watch: Watch, presence: TPresence) {
    const at = watch.ids.indexOf(presence.userId);
    if (watch.done || at === -1) return;
    if (watch.sent[at] === presence.state && presence.state !== "offline") return;
    watch.sent[at] = presence.state;
    watch.sink.send(presence);
  }

  function onPresence(this: Listened, event: TEventEnvelope) {
    if (event.type !== "presence.changed") return;
    for (const watch of this.watches) offer(watch, event.data);
  }

  function onRelation(this: Listened, event: TEventEnvelope) {
    if (event.type !== "relation.changed") return;
    const touched = event.data.userIds;
    for (const watch of this.watches) {
      if (watch.ids.some((id) => touched.includes(id))) void recheckAccess(watch);
    }
  }

  /** A follow or block changed: whoever the viewer may no longer see is hidden, and no more follows about them. */
  async function recheckAccess(watch: Watch) {
    try {
      const still = new Set(await visibleTo(watch.viewerId, [...watch.ids]));
      if (watch.done) return;
      for (const id of watch.ids.filter((id) => !still.has(id))) {
        leave(people, id, watch);
        const at = watch.ids.indexOf(id);
        watch.ids = watch.ids.filter((_, i) => i !== at);
        watch.sent = watch.sent.filter((_, i) => i !== at);
        // The last word about them: the watcher forgets what it showed.
        watch.sink.send({ userId: id, state: "hidden", lastSeenAt: null } satisfies TPresence);
      }
    } catch (error) {
      finish(watch, error);
    }
  }

  async function join(
    map: Map<string, Listened>,
    key: string,
    channel: TChannel,
    onEvent: Listened["onEvent"],
    watch: Watch,
  ) {
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = new Listened(bus, channel, onEvent)));
    entry.watches = withItem(entry.watches, watch);
    if (entry.listening) await entry.listening;
  }

  function leave(map: Map<string, Listened>, key: string, watch: Watch) {
    const entry = map.get(key);
    if (!entry) return;
    const at = entry.watches.indexOf(watch);
    if (at !== -1) entry.watches = withoutAt(entry.watches, at);
    if (entry.watches.length > 0) return;
    map.delete(key);
    if (!entry.listening) bus.unsubscribe(entry.channel, entry);
    else void entry.listening.then(() => bus.unsubscribe(entry.channel, entry)).catch(() => undefined);
  }

  /** Every watched person read again, in one store call, for whoever watches them. */
  async function recheckAll() {
    const ids = [...people.keys()];
    if (ids.length === 0) return;
    for (const presence of await store.get(ids)) {
      for (const watch of people.get(presence.userId)?.watches ?? []) offer(watch, presence);
    }
  }

  function finish(watch: Watch, error: unknown = null) {
    if (watch.done) return;
    release(watch);
    watch.sink.end(error);
  }

  function release(watch: Watch) {
    watch.done = true;
    for (const id of watch.ids) leave(people, id, watch);
    leave(viewers, watch.viewerId, watch);
    if (people.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  async function start(watch: Watch, userIds: readonly string[]) {
    try {
      watch.ids = await visibleTo(watch.viewerId, [...userIds]);
      if (watch.done) return;
      // Listening first, then the snapshot: a change in between arrives after it.
      await Promise.all([
        ...watch.ids.map((id) => join(people, id, channels.presence(id), onPresence, watch)),
        join(viewers, watch.viewerId, channels.user(watch.viewerId), onRelation, watch),
      ]);
      if (watch.done) return;
      timer ??= setInterval(() => void recheckAll().catch(() => undefined), recheckEveryMs).unref();
      watch.sink.started();
      for (const presence of await store.get([...watch.ids])) offer(watch, presence);
    } catch (error) {
      finish(watch, error);
    }
  }

  return {
    /** Serves `viewerId`'s watch of `userIds` to `sink` until it is stopped (or an error ends it). */
    watch(viewerId: string, userIds: readonly string[], sink: LiveSink): { stop(): void } {
      const watch = new Watch(sink, viewerId, release);
      void start(watch, userIds);
      return watch;
    },

    /** People watched and watches on this process (for tests). */
    stats() {
      let watches = 0;
      for (const entry of viewers.values()) watches += entry.watches.length;
      return { people: people.size, watches };
    },
  };
}
