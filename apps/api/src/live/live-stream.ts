import type { EventBus } from "../events/event-bus.js";
import type { TChannel, TEventEnvelope } from "@orgo/api-contract";

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
  const maxQueue = options.maxQueue ?? 1000;
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
