import { type TChannel, type TEventEnvelope } from "@orgo/api-contract";
import { LiveFeed, type LiveSource } from "@orgo/api-contract/server";
import type { EventBus } from "../events/event-bus.js";
import { LIVE_MAX_QUEUE, streamSource } from "./live-stream.js";

/** Signals of one channel at most this often per subscriber (the last one always arrives). */
const SIGNAL_EVERY_MS = 300;

/**
 * Signals only: nothing durable, nothing to catch up. One per subscriber, held for
 * as long as it lives, so its methods are shared (four closures each made a signal
 * subscription cost 1.3 KiB more, measured by heap snapshot under bench:chat).
 */
class SignalSource<T> implements LiveSource<T> {
  readonly afterId = null;
  readonly maxQueue = LIVE_MAX_QUEUE;

  constructor(
    private readonly bus: EventBus,
    readonly channel: TChannel,
    private readonly signalOf: (event: TEventEnvelope) => T | null,
    readonly coalesceMs: number,
  ) {}

  select(): T | null {
    return null;
  }
  ephemeral(event: TEventEnvelope): T | null {
    return this.signalOf(event);
  }
  catchUp(): Promise<T[]> {
    return Promise.resolve([]);
  }
  headId(): Promise<number> {
    return Promise.resolve(0);
  }
  idOf(): number {
    return 0;
  }
  iterate(signal: AbortSignal): AsyncIterable<T> {
    return streamSource(this.bus, this, signal);
  }
}

/**
 * A feed of "this changed" signals: nothing stored, nothing to resume. The client
 * refetches what a signal names, and refetches everything it shows when the
 * subscription (re)starts, which covers whatever happened while it was away.
 * `signalOf` must answer the same object for an event to every subscriber (use
 * `itemPerEvent`), so it is validated and serialised once.
 */
export function signalFeed<T>(
  bus: EventBus,
  channel: TChannel,
  signalOf: (event: TEventEnvelope) => T | null,
  signal: AbortSignal,
  coalesceMs = SIGNAL_EVERY_MS,
): LiveFeed<T> {
  return LiveFeed.of(new SignalSource(bus, channel, signalOf, coalesceMs), signal);
}
