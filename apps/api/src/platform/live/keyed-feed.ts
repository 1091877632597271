import { LiveFeed, type LiveSource } from "@orgo/api-contract/server";
import type { TChannel, TEventEnvelope } from "@orgo/api-contract";
import type { EventBus } from "../events/event-bus.js";
import { LIVE_MAX_QUEUE, streamSource } from "./live-stream.js";

/**
 * The rules of one kind of keyed, resumable stream (a chat room's messages…), in one
 * object that every subscriber of that kind shares. `key` is the stream (a room id),
 * `viewerId` the subscriber.
 */
export interface KeyedFeedSpec<T> {
  readonly bus: EventBus;
  channel(key: number): TChannel;
  /** The stream's durable item in an event (the same object for every subscriber: see LiveSource). */
  select(event: TEventEnvelope, key: number): T | null;
  /** Signals never stored (typing, read receipts). */
  ephemeral(event: TEventEnvelope, key: number, viewerId: string): T | null;
  /** The subscriber lost access: the feed ends. */
  endWhen(event: TEventEnvelope, key: number, viewerId: string): boolean;
  catchUp(key: number, afterId: number): Promise<T[]>;
  /** Read after listening starts, so nothing falls between the two. */
  headId(key: number): Promise<number>;
  /** The subscriber's access checked and the head read in one statement (see LiveSource.open); else `headId`. */
  open?(key: number, viewerId: string): Promise<number>;
  /** Durable items carry ids a reconnect resumes after (see LiveSource.resumable). */
  resumable?: boolean;
  idOf(item: T): number;
}

/**
 * One subscriber's feed of one key. Idle sockets hold thousands of these at once, so
 * it is four fields and shared methods: the rules live in the spec (a closure per
 * subscriber was most of a subscription's memory, measured by heap snapshot under
 * bench:chat), and the channel name is made when asked rather than held.
 */
class KeyedSource<T> implements LiveSource<T> {
  readonly maxQueue = LIVE_MAX_QUEUE;

  constructor(
    private readonly spec: KeyedFeedSpec<T>,
    private readonly key: number,
    private readonly viewerId: string,
    readonly afterId: number | null,
  ) {}

  get channel(): TChannel {
    return this.spec.channel(this.key);
  }
  select(event: TEventEnvelope): T | null {
    return this.spec.select(event, this.key);
  }
  ephemeral(event: TEventEnvelope): T | null {
    return this.spec.ephemeral(event, this.key, this.viewerId);
  }
  endWhen(event: TEventEnvelope): boolean {
    return this.spec.endWhen(event, this.key, this.viewerId);
  }
  catchUp(afterId: number): Promise<T[]> {
    return this.spec.catchUp(this.key, afterId);
  }
  headId(): Promise<number> {
    return this.spec.headId(this.key);
  }
  open(): Promise<number> {
    return this.spec.open ? this.spec.open(this.key, this.viewerId) : this.spec.headId(this.key);
  }
  get resumable(): boolean {
    return this.spec.resumable === true;
  }
  idOf(item: T): number {
    return this.spec.idOf(item);
  }
  iterate(signal: AbortSignal): AsyncIterable<T> {
    return streamSource(this.spec.bus, this, signal);
  }
}

/** `viewerId`'s feed of stream `key` after `afterId` (null: from now on). */
export function keyedFeed<T>(
  spec: KeyedFeedSpec<T>,
  stream: { key: number; viewerId: string; afterId: number | null },
  signal: AbortSignal,
): LiveFeed<T> {
  return LiveFeed.of(new KeyedSource(spec, stream.key, stream.viewerId, stream.afterId), signal);
}
