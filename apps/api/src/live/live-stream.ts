import type { EventBus } from "../events/event-bus.js";
import { LiveFeed, type LiveSource, type TChannel, type TEventEnvelope } from "@orgo/api-contract";

/** Live items held for a subscriber that is catching up or slow, before it is cut off. */
export const LIVE_MAX_QUEUE = 1000;

export class StreamOverflowError extends Error {
  constructor() {
    super("Subscriber fell too far behind; reconnect to catch up from the database");
  }
}

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
 * The order that loses nothing: listen first, then read the database since the
 * client's last id, then stream live events, dropping ids already sent.
 *
 * Writers allocate ids in commit order (see the posts service), so the database
 * never later gains an id below one we have read. Live events, though, can arrive
 * out of order across processes; an id that skips ahead of `lastSent + 1` may mean
 * an event in flight, so we fill the gap from the database rather than trust the bus.
 */
export async function* liveStream<T, E = never>(options: LiveStreamOptions<T, E>): AsyncGenerator<T | E> {
  const { signal, idOf } = options;
  const maxQueue = options.maxQueue ?? LIVE_MAX_QUEUE;
  const queue: ({ durable: T } | { ephemeral: E })[] = [];
  let overflowed = false;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const unsubscribe = await options.bus.subscribe(options.channel, (event) => {
    if (options.endWhen?.(event)) {
      ended = true;
      notify();
      return;
    }
    const item = options.select(event);
    const signalled = item === null ? (options.ephemeral?.(event) ?? null) : null;
    if ((item === null && signalled === null) || overflowed) return;
    if (queue.length >= maxQueue) overflowed = true;
    else queue.push(item !== null ? { durable: item } : { ephemeral: signalled as E });
    notify();
  });
  signal.addEventListener("abort", notify);

  try {
    let lastSent = options.afterId ?? (await options.headId());
    // Pages through the database until it has nothing newer than lastSent.
    const fillFromDatabase = async function* () {
      for (;;) {
        const batch = (await options.catchUp(lastSent)).filter((item) => idOf(item) > lastSent);
        if (batch.length === 0 || signal.aborted) return;
        for (const item of batch) {
          lastSent = idOf(item);
          yield item;
        }
      }
    };
    if (options.afterId !== null) yield* fillFromDatabase();

    while (!signal.aborted && !ended) {
      if (overflowed) throw new StreamOverflowError();
      const entry = queue.shift();
      if (entry === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ("ephemeral" in entry) {
        yield entry.ephemeral;
        continue;
      }
      const item = entry.durable;
      const id = idOf(item);
      if (id <= lastSent) continue;
      if (id === lastSent + 1) {
        lastSent = id;
        yield item;
      } else {
        yield* fillFromDatabase();
      }
    }
  } finally {
    signal.removeEventListener("abort", notify);
    unsubscribe();
  }
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
    return liveStream({ ...this.options, bus: this.bus, signal });
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
