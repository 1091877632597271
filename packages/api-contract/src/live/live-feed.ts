import type { TChannel, TEventEnvelope } from "../events.js";

/**
 * Where a live feed's items come from, described rather than run: the websocket
 * server serves every subscriber of a channel from one bus listener and a set of
 * small per-subscriber records (see apps/api/src/live/channel-hub.ts), instead of
 * one async generator each. `iterate` is the same feed as one generator, for
 * callers that simply iterate (tests, server-side callers).
 *
 * Item functions must return the *same* object for the same event to every
 * subscriber: validation and serialisation are memoised by identity.
 */
export interface LiveSource<T = unknown> {
  readonly channel: TChannel;
  /** This feed's durable item in an event (null: none). Durable items have ids 1, 2, 3 … */
  select(event: TEventEnvelope): T | null;
  /** A signal that is never stored (typing, read receipts): passed on as it comes. */
  ephemeral?(event: TEventEnvelope): T | null;
  /** The subscriber lost access: the feed ends. */
  endWhen?(event: TEventEnvelope): boolean;
  /** Committed items with id > afterId, oldest first (one page). */
  catchUp(afterId: number): Promise<T[]>;
  /** The newest committed id, where a fresh subscriber starts. */
  headId(): Promise<number>;
  idOf(item: T): number;
  /** The client's last seen id, or null for "only new ones". */
  readonly afterId: number | null;
  /** Most live items held while the subscriber catches up before it is cut off. */
  readonly maxQueue: number;
  iterate(signal: AbortSignal): AsyncIterable<T>;
}

/**
 * A subscription's answer: a live source, how each item is presented to the
 * client, and what runs when the subscription ends (budgets, error mapping). It is
 * an AsyncIterable, so tRPC's own adapters and callers can consume it as usual.
 */
export class LiveFeed<Out> implements AsyncIterable<Out> {
  private ended = false;

  // Arrays of shared functions rather than closures over closures: a feed is held
  // per subscriber for as long as it lives, so it should cost a few small objects.
  private constructor(
    readonly source: LiveSource,
    private readonly mappers: readonly ((value: unknown) => unknown)[],
    private readonly signal: AbortSignal,
    private readonly endHooks: (() => void)[],
    private readonly errorMappers: readonly ((error: unknown) => unknown)[],
  ) {}

  static of<T>(source: LiveSource<T>, signal: AbortSignal): LiveFeed<T> {
    return new LiveFeed(source, [], signal, [], []);
  }

  /** The client's view of each item (validation, tracked ids). */
  map<Next>(fn: (value: Out) => Next): LiveFeed<Next> {
    const mappers = [...this.mappers, fn as (value: unknown) => unknown];
    return new LiveFeed<Next>(this.source, mappers, this.signal, this.endHooks, this.errorMappers);
  }

  /** Runs once when the subscription ends, however it ends. */
  onEnd(hook: () => void): this {
    this.endHooks.push(hook);
    return this;
  }

  /** How an error ending the feed reaches the client. */
  mapErrors(fn: (error: unknown) => unknown): LiveFeed<Out> {
    return new LiveFeed<Out>(this.source, this.mappers, this.signal, this.endHooks, [...this.errorMappers, fn]);
  }

  present(item: unknown): Out {
    let value = item;
    for (const mapper of this.mappers) value = mapper(value);
    return value as Out;
  }

  mapError(error: unknown): unknown {
    let mapped = error;
    for (const mapper of this.errorMappers) mapped = mapper(mapped);
    return mapped;
  }

  /** Called by whoever serves the feed, once it is over. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const hook of this.endHooks) hook();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Out, void> {
    try {
      for await (const item of this.source.iterate(this.signal)) yield this.present(item);
    } catch (error) {
      throw this.mapError(error);
    } finally {
      this.end();
    }
  }
}
