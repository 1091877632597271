import pLimit from "p-limit";
import type { TChannel, TEventEnvelope } from "@orgo/api-contract";
import type { LiveFeed, LiveSink } from "@orgo/api-contract/server";
import type { EventBus } from "../events/event-bus.js";
import { withItem, withoutAt } from "./small-list.js";

export class StreamOverflowError extends Error {
  constructor() {
    super("Subscriber fell too far behind; reconnect to catch up from the database");
  }
}

/**
 * Items a catch-up sends before letting the process do anything else: a person back
 * after 30 s away catches up hundreds of messages, and in one go that stalled every
 * live delivery of the process for most of a second.
 */
const CATCH_UP_SLICE = 25;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Where a subscriber's items go: its socket, under its subscription id. */
export type FeedSink = LiveSink;

/** A feed whose source fans out by itself (LiveSource.serve), and how to stop it. */
class Served {
  constructor(readonly served: { stop(): void }) {}
}

/** What a self-serving source is handed: the subscriber's sink, presenting items as the feed says. */
class PresentingSink implements LiveSink {
  constructor(
    private readonly feed: LiveFeed<unknown>,
    private readonly sink: LiveSink,
  ) {}

  started() {
    this.sink.started();
  }
  send(value: unknown, resumeId?: number) {
    this.sink.send(this.feed.present(value), resumeId);
  }
  writable() {
    return this.sink.writable();
  }
  end(error: unknown) {
    this.sink.end(error);
  }
}

/**
 * One subscriber of a channel. Everything it costs is this record and a slot in
 * its channel's set: no generator, no bus listener, no promise per subscriber.
 * Every field is paid by every subscriber of every socket (three per chat tab), so
 * what only some need is elsewhere: its channel is its source's, and coalescing's
 * state is made by the first signal that needs it.
 */
interface Tap {
  readonly feed: LiveFeed<unknown>;
  readonly sink: FeedSink;
  /** Its channel's entry; null once detached (its slot and its share are given back). */
  entry: ChannelEntry | null;
  /** The newest durable id delivered. */
  lastSent: number;
  /** While catching up from the database: live items held until it is done. */
  pending: unknown[] | null;
  done: boolean;
  coalescing: Coalescing | null;
}

/** Coalesced signals: when one was last sent, and the last one waiting for its turn. */
interface Coalescing {
  signalAt: number;
  trailing: unknown;
  timer: NodeJS.Timeout | null;
}

/** A subscriber's place in the hub, to give back with `detach`. */
export type TapHandle = object;

/**
 * A channel this process listens to, and the bus's listener of it (`onEvent`). It
 * keeps neither the bus's "listening" promise once settled nor an unsubscribe
 * function (`bus.unsubscribe`).
 */
interface ChannelEntry {
  /**
   * Replaced on every change, never changed in place (small-list.ts): most channels
   * have one or two taps on a process, where a Set was ≈ 130 bytes of an idle socket,
   * and a delivery loop may walk the list while a tap leaves it. A join or a leave
   * copies the list: a few milliseconds in all for the 3,000 subscribers of the
   * public post stream in bench:live.
   */
  taps: readonly Tap[];
  /** Taps attached or attaching; the bus listener goes with the last one. */
  users: number;
  /** Until the bus listens: what a new tap waits for. Then null (one promise less per channel). */
  listening: Promise<void> | null;
  onEvent(event: TEventEnvelope): void;
}

/**
 * The live fan-out of a process: one bus listener per channel, shared by every
 * subscriber of that channel on this process. An event is validated where it
 * enters the process and presented once (memoised by identity), so what each
 * subscriber costs per event is a few comparisons and a frame written to its socket.
 *
 * Each subscriber gets every committed item once and in order: the hub listens
 * first, then reads the database since the client's last id, then passes live
 * items, dropping ids already sent and filling any gap from the database. Writers
 * allocate ids in commit order (posts: an advisory lock; chat: the room's row), so
 * the database never later gains an id below one already read; live events may
 * arrive out of order across processes, hence the gap filling rather than trust.
 */
export function createChannelHub(bus: EventBus, options: { databaseReads?: number } = {}) {
  const channels = new Map<TChannel, ChannelEntry>();
  // A process that takes over a stopped one's sockets starts hundreds of subscriptions
  // at once, each reading the database; unbounded, those reads held every pooled
  // connection and a person's send waited behind them until the pool gave up (a 503
  // in a rolling restart). At most this many run at once; the rest of the pool stays
  // free for requests.
  const read = pLimit(options.databaseReads ?? Number.POSITIVE_INFINITY);
  /** Database reads: catch-ups at subscription start, and gaps filled (a live event arrived early). */
  const reads = { catchUps: 0, gapFills: 0 };

  /** The bus's listener of a channel is its entry itself: a channel costs no closure. */
  class ListenedChannel implements ChannelEntry {
    taps: readonly Tap[] = [];
    users = 0;
    listening: Promise<void> | null;

    constructor(channel: TChannel) {
      this.listening = bus.subscribe(channel, this).then(() => {
        this.listening = null;
      });
    }

    onEvent(event: TEventEnvelope) {
      for (const tap of this.taps) {
        try {
          deliver(tap, event);
        } catch (error) {
          finish(tap, error);
        }
      }
    }
  }

  function finish(tap: Tap, error: unknown = null) {
    if (tap.done) return;
    tap.done = true;
    tap.pending = null;
    stopCoalescing(tap);
    tap.sink.end(error);
  }

  function send(tap: Tap, item: unknown) {
    tap.sink.send(tap.feed.present(item));
  }

  /** A signal: with the last durable id sent when the stream resumes (see LiveSource.resumable). */
  function sendSignal(tap: Tap, signal: unknown) {
    tap.sink.send(tap.feed.present(signal), tap.feed.source.resumable ? tap.lastSent : undefined);
  }

  /** Delivers the next durable item in order; false when it skips ahead (a gap to fill). */
  function deliverInOrder(tap: Tap, item: unknown): boolean {
    const id = tap.feed.source.idOf(item);
    if (id <= tap.lastSent) return true;
    if (id !== tap.lastSent + 1) return false;
    tap.lastSent = id;
    send(tap, item);
    return true;
  }

  /** Reads the database past `lastSent`, then the items that arrived meanwhile, until in step. */
  async function catchUp(tap: Tap, fromDatabase: boolean) {
    const source = tap.feed.source;
    try {
      for (;;) {
        if (fromDatabase) {
          for (;;) {
            reads.catchUps++;
            const batch = await read(() => source.catchUp(tap.lastSent));
            if (tap.done) return;
            const fresh = batch.filter((item) => source.idOf(item) > tap.lastSent);
            if (fresh.length === 0) break;
            for (const [index, item] of fresh.entries()) {
              const drained = tap.sink.writable();
              if (drained) {
                await drained;
                if (tap.done) return;
              } else if (index > 0 && index % CATCH_UP_SLICE === 0) {
                await yieldToOthers();
                if (tap.done) return;
              }
              tap.lastSent = source.idOf(item);
              send(tap, item);
            }
          }
        }
        const held = tap.pending ?? [];
        let inStep = true;
        while (held.length > 0) {
          if (!deliverInOrder(tap, held[0])) {
            inStep = false;
            break;
          }
          held.shift();
        }
        if (inStep) {
          tap.pending = null;
          return;
        }
        fromDatabase = true;
      }
    } catch (error) {
      finish(tap, error);
    }
  }

  /** At most one signal per `everyMs`, the last of a burst sent when its turn comes. */
  function coalesce(tap: Tap, signal: unknown, everyMs: number) {
    const state = (tap.coalescing ??= { signalAt: 0, trailing: undefined, timer: null });
    state.trailing = signal;
    if (state.timer) return;
    const wait = state.signalAt + everyMs - Date.now();
    if (wait <= 0) return sendTrailing(tap, state);
    state.timer = setTimeout(() => {
      state.timer = null;
      if (!tap.done) sendTrailing(tap, state);
    }, wait);
  }

  function sendTrailing(tap: Tap, state: Coalescing) {
    const signal = state.trailing;
    state.trailing = undefined;
    state.signalAt = Date.now();
    sendSignal(tap, signal);
  }

  function stopCoalescing(tap: Tap) {
    if (tap.coalescing?.timer) clearTimeout(tap.coalescing.timer);
  }

  function deliver(tap: Tap, event: TEventEnvelope) {
    if (tap.done) return;
    const source = tap.feed.source;
    if (source.endWhen?.(event)) return finish(tap);
    const item = source.select(event);
    if (item === null) {
      const signal = source.ephemeral?.(event) ?? null;
      if (signal === null) return;
      if (source.coalesceMs) coalesce(tap, signal, source.coalesceMs);
      else sendSignal(tap, signal);
      return;
    }
    if (tap.pending) {
      if (tap.pending.length >= source.maxQueue) return finish(tap, new StreamOverflowError());
      tap.pending.push(item);
      return;
    }
    if (deliverInOrder(tap, item)) return;
    // An id ahead of the next one: an event still in flight, or lost. The database has it.
    tap.pending = [item];
    reads.gapFills++;
    void catchUp(tap, true);
  }

  // The bus was away: events published meanwhile are lost. Every subscriber that is
  // in step reads the database past what it has (signals carry no ids: nothing to read).
  bus.onResume(() => {
    for (const entry of channels.values()) {
      for (const tap of entry.taps) {
        if (tap.done || tap.pending) continue;
        tap.pending = [];
        reads.gapFills++;
        void catchUp(tap, true);
      }
    }
  });

  function release(channel: TChannel, entry: ChannelEntry) {
    if (--entry.users > 0) return;
    channels.delete(channel);
    if (!entry.listening) bus.unsubscribe(channel, entry);
    else void entry.listening.then(() => bus.unsubscribe(channel, entry)).catch(() => undefined);
  }

  async function start(tap: Tap, entry: ChannelEntry) {
    try {
      if (entry.listening) await entry.listening;
      if (tap.done) return;
      entry.taps = withItem(entry.taps, tap);
      // Listening already: whatever commits from here on reaches `pending`.
      const source = tap.feed.source;
      const afterId = source.afterId;
      let behind = afterId !== null;
      if (source.open) {
        // Checked just above: a closure does not keep the narrowing.
        const head = await read(() => source.open!());
        tap.lastSent = afterId ?? head;
        behind = afterId !== null && head > afterId;
      } else {
        tap.lastSent = afterId ?? (await read(() => source.headId()));
      }
      if (tap.done) return;
      tap.sink.started();
      await catchUp(tap, behind);
    } catch (error) {
      finish(tap, error);
    }
  }

  return {
    /**
     * Serves `feed` to `sink` until the feed ends or `detach` is called with the
     * answer (the client stopped, or its socket closed).
     */
    attach(feed: LiveFeed<unknown>, sink: FeedSink): TapHandle {
      if (feed.source.serve) return new Served(feed.source.serve(new PresentingSink(feed, sink)));
      const channel = feed.source.channel;
      let entry = channels.get(channel);
      if (!entry) {
        entry = new ListenedChannel(channel);
        channels.set(channel, entry);
      }
      entry.users++;
      const tap: Tap = { feed, sink, entry, lastSent: 0, pending: [], done: false, coalescing: null };
      void start(tap, entry);
      return tap;
    },

    /** The subscriber is gone (it stopped, or its socket closed): no more items for it. */
    detach(handle: TapHandle) {
      if (handle instanceof Served) return handle.served.stop();
      const tap = handle as Tap;
      const entry = tap.entry;
      if (!entry) return;
      tap.entry = null;
      tap.done = true;
      tap.pending = null;
      stopCoalescing(tap);
      const at = entry.taps.indexOf(tap);
      if (at !== -1) entry.taps = withoutAt(entry.taps, at);
      release(tap.feed.source.channel, entry);
    },

    /** Channels this process listens to, their subscribers, and the database reads so far (for metrics and tests). */
    stats() {
      let subscribers = 0;
      for (const entry of channels.values()) subscribers += entry.taps.length;
      return { channels: channels.size, subscribers, ...reads };
    },
  };
}

export type ChannelHub = ReturnType<typeof createChannelHub>;
