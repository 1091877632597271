import type { TChannel, TEventEnvelope } from "../../events.js";

/** Where a served feed's items go: a subscriber's socket (see apps/api/src/live/channel-hub.ts). */
export interface LiveSink {
  /**
   * The subscription is in place — listening, access checked, its head read — before
   * any item: the client hears "started" now, or the refusal through `end` instead.
   */
  started(): void;
  /**
   * An item, or a signal; a signal of a resumable stream comes with `resumeId`, the
   * last durable id sent, for the client to resume after (see LiveSource.resumable).
   */
  send(value: unknown, resumeId?: number): void;
  /**
   * Null when the socket can take more now; else resolves once it has drained (or
   * was cut off for not draining). Catch-up pages wait on it: a reader that is slow
   * but reading is paced, not cut off; live items do not wait.
   */
  writable(): Promise<void> | null;
  /** The feed is over: an error to report, or none (the client sees "stopped"). */
  end(error: unknown): void;
}

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
  /**
   * When given, replaces `headId` at the start of every subscription, resumed or not:
   * checks that the subscriber may still read the stream (throws the refusal) and
   * reads its head, in one statement. The database is then read for a resumed
   * subscriber only when the head is past its last id, so a reconnect that missed
   * nothing costs that one statement.
   */
  open?(): Promise<number>;
  /**
   * Durable items carry ids that a reconnect resumes after. tRPC's client keeps the
   * id of the *last* data frame it got, so the signals of such a stream are sent
   * with the id of the last durable item sent: a reconnect after a typing signal
   * resumes where it was, rather than from where the subscription began.
   */
  readonly resumable?: boolean;
  /**
   * A source that fans out by itself (presence: one channel per watched person):
   * whoever serves the feed hands it the subscriber's sink, already presenting
   * items, instead of serving it from `channel`; `stop` ends it.
   */
  serve?(sink: LiveSink): { stop(): void };
  idOf(item: T): number;
  /** The client's last seen id, or null for "only new ones". */
  readonly afterId: number | null;
  /** Most live items held while the subscriber catches up before it is cut off. */
  readonly maxQueue: number;
  /**
   * For signals that only say "something changed" (the client refetches): at most one
   * per this many milliseconds per subscriber, the last one always delivered. Applied
   * where feeds are served to sockets; an iterating caller gets every signal.
   */
  readonly coalesceMs?: number;
  iterate(signal: AbortSignal): AsyncIterable<T>;
}

/**
 * A subscription's answer: a live source, how each item is presented to the
 * client, and what runs when the subscription ends (budgets, error mapping). It is
 * an AsyncIterable, so tRPC's own adapters and callers can consume it as usual.
 */
/** One function, or several run in order, or none: most feeds have exactly one. */
type Chain<F> = F | readonly F[] | undefined;
const append = <F>(chain: Chain<F>, fn: F): Chain<F> =>
  chain === undefined ? fn : Array.isArray(chain) ? [...(chain as readonly F[]), fn] : [chain as F, fn];
const each = <F>(chain: Chain<F>): readonly F[] =>
  chain === undefined ? [] : Array.isArray(chain) ? (chain as readonly F[]) : [chain as F];

type Mapper = (value: unknown) => unknown;

export class LiveFeed<Out> implements AsyncIterable<Out> {
  private ended = false;

  // Single functions rather than closures over closures or arrays: a feed is held
  // per subscriber for as long as it lives, so it should cost one small object.
  private constructor(
    readonly source: LiveSource,
    private readonly mappers: Chain<Mapper>,
    private readonly signal: AbortSignal,
    private endHooks: Chain<() => void>,
    private readonly errorMappers: Chain<Mapper>,
  ) {}

  static of<T>(source: LiveSource<T>, signal: AbortSignal): LiveFeed<T> {
    return new LiveFeed(source, undefined, signal, undefined, undefined);
  }

  /** The client's view of each item (validation, tracked ids). */
  map<Next>(fn: (value: Out) => Next): LiveFeed<Next> {
    return new LiveFeed<Next>(
      this.source,
      append(this.mappers, fn as Mapper),
      this.signal,
      this.endHooks,
      this.errorMappers,
    );
  }

  /** Runs once when the subscription ends, however it ends. */
  onEnd(hook: () => void): this {
    this.endHooks = append(this.endHooks, hook);
    return this;
  }

  /** How an error ending the feed reaches the client. */
  mapErrors(fn: (error: unknown) => unknown): LiveFeed<Out> {
    return new LiveFeed<Out>(this.source, this.mappers, this.signal, this.endHooks, append(this.errorMappers, fn));
  }

  present(item: unknown): Out {
    const mappers = this.mappers;
    if (mappers === undefined) return item as Out;
    if (!Array.isArray(mappers)) return (mappers as Mapper)(item) as Out;
    let value = item;
    for (const mapper of mappers as readonly Mapper[]) value = mapper(value);
    return value as Out;
  }

  mapError(error: unknown): unknown {
    let mapped = error;
    for (const mapper of each(this.errorMappers)) mapped = mapper(mapped);
    return mapped;
  }

  /** Called by whoever serves the feed, once it is over. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const hook of each(this.endHooks)) hook();
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
