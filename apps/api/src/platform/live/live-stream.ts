import type { EventBus } from "../events/event-bus.js";
import { createChannelHub, StreamOverflowError, type FeedSink } from "./channel-hub.js";
import { type TChannel, type TEventEnvelope } from "@orgo/api-contract";
import { LiveFeed, RecentCache, type LiveSource } from "@orgo/api-contract/server";

/** Live items held for a subscriber that is catching up or slow, before it is cut off. */
export const LIVE_MAX_QUEUE = 1000;

/**
 * One stream item per event, made the first time any subscriber's source selects it
 * and shared by every other (see parseOnce): `make` runs once per event object.
 */
export function itemPerEvent<T>() {
  const items = new RecentCache<object, T | null>();
  return (event: object, make: () => T | null): T | null => items.get(event, make);
}

export { StreamOverflowError };

export interface LiveStreamOptions<T, E = never> {
  bus: EventBus;
  channel: TChannel;
  /** Picks this stream's items out of the channel's events (null: not ours). */
  select: (event: TEventEnvelope) => T | null;
  /** Signals that are never stored (typing, read receipts): passed on as they come, unordered. */
  ephemeral?: (event: TEventEnvelope) => E | null;
  /** The stream ends (the subscriber lost access) when an event says so. */
  endWhen?: (event: TEventEnvelope) => boolean;
  /** Committed items with id > afterId from the database, oldest first. */
  catchUp: (afterId: number) => Promise<T[]>;
  /** The newest committed id (0 when none): where a fresh subscriber starts. */
  headId: () => Promise<number>;
  idOf: (item: T) => number;
  /** The client's last seen id (tRPC lastEventId), or null for "only new ones". */
  afterId: number | null;
  signal: AbortSignal;
  /** Most live items held for a slow consumer before the stream ends. */
  maxQueue?: number;
  /** See LiveSource.coalesceMs (the websocket server's hub applies it). */
  coalesceMs?: number;
}

/**
 * A live source as one async generator, for callers that iterate (service tests,
 * tRPC's own adapters). It is served by a channel hub of its own, so it keeps the
 * hub's guarantees — listen first, read the database since the client's last id,
 * then live items, dropping ids already sent and filling gaps from the database —
 * from the same code the websocket server runs. A consumer that falls `maxQueue`
 * items behind ends with StreamOverflowError; a catch-up waits for it.
 */
export async function* streamSource<T>(bus: EventBus, source: LiveSource<T>, signal: AbortSignal): AsyncGenerator<T> {
  const queue: T[] = [];
  // Set by the hub's calls (closures TypeScript cannot follow): why the stream ends, who waits.
  const state: { over: { error: unknown } | null; wake: (() => void) | null; room: (() => void) | null } = {
    over: null,
    wake: null,
    room: null,
  };
  const notify = () => {
    state.wake?.();
    state.wake = null;
  };
  const makeRoom = () => {
    state.room?.();
    state.room = null;
  };
  const sink: FeedSink = {
    started: () => undefined,
    send(value) {
      if (queue.length >= source.maxQueue) state.over ??= { error: new StreamOverflowError() };
      else queue.push(value as T);
      notify();
    },
    writable: () =>
      queue.length < source.maxQueue / 2 ? null : new Promise<void>((resolve) => (state.room = resolve)),
    end(error) {
      state.over ??= { error };
      notify();
    },
  };
  const hub = createChannelHub(bus);
  const tap = hub.attach(LiveFeed.of(source, signal), sink);
  signal.addEventListener("abort", notify);
  try {
    while (!signal.aborted) {
      const next = queue.shift();
      if (next !== undefined) {
        makeRoom();
        yield next;
        continue;
      }
      if (state.over) break;
      await new Promise<void>((resolve) => (state.wake = resolve));
    }
    const error = state.over?.error ?? null;
    if (error !== null && !signal.aborted)
      throw error instanceof Error ? error : new Error("Live stream failed", { cause: error });
  } finally {
    signal.removeEventListener("abort", notify);
    hub.detach(tap);
    makeRoom();
  }
}

/** `streamSource` of options: see LiveStreamOptions. */
export function liveStream<T, E = never>(options: LiveStreamOptions<T, E>): AsyncGenerator<T | E> {
  const { bus, signal, ...spec } = options;
  return streamSource(bus, new BusLiveSource(bus, spec), signal);
}

/** A feed's source over the bus: the options as they are, and `liveStream` for iterating callers. */
class BusLiveSource<T, E> implements LiveSource<T | E> {
  readonly channel: TChannel;
  readonly afterId: number | null;
  readonly maxQueue: number;
  readonly coalesceMs: number | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly options: Omit<LiveStreamOptions<T, E>, "bus" | "signal">,
  ) {
    this.channel = options.channel;
    this.afterId = options.afterId;
    this.maxQueue = options.maxQueue ?? LIVE_MAX_QUEUE;
    this.coalesceMs = options.coalesceMs;
  }

  select(event: TEventEnvelope): T | null {
    return this.options.select(event);
  }
  ephemeral(event: TEventEnvelope): E | null {
    return this.options.ephemeral?.(event) ?? null;
  }
  endWhen(event: TEventEnvelope): boolean {
    return this.options.endWhen?.(event) ?? false;
  }
  catchUp(afterId: number): Promise<T[]> {
    return this.options.catchUp(afterId);
  }
  headId(): Promise<number> {
    return this.options.headId();
  }
  idOf(item: T | E): number {
    return this.options.idOf(item as T);
  }
  iterate(signal: AbortSignal): AsyncIterable<T | E> {
    return streamSource(this.bus, this, signal);
  }
}

/**
 * A live feed for a subscription: served by the websocket server's channel hub
 * (one bus listener per channel, no generator per subscriber), or iterated as
 * `liveStream` by anyone else. Options made of shared functions keep a subscriber's
 * cost to a few small objects.
 */
export function liveFeed<T, E = never>(
  bus: EventBus,
  options: Omit<LiveStreamOptions<T, E>, "bus" | "signal">,
  signal: AbortSignal,
): LiveFeed<T | E> {
  return LiveFeed.of(new BusLiveSource(bus, options), signal);
}
