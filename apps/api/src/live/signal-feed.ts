import type { LiveFeed, TChannel, TEventEnvelope } from "@orgo/api-contract";
import type { EventBus } from "../events/event-bus.js";
import { liveFeed } from "./live-stream.js";

/** Signals of one channel at most this often per subscriber (the last one always arrives). */
export const SIGNAL_EVERY_MS = 300;

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
  return liveFeed<never, T>(
    bus,
    {
      channel,
      select: () => null,
      ephemeral: signalOf,
      catchUp: () => Promise.resolve([]),
      headId: () => Promise.resolve(0),
      idOf: () => 0,
      afterId: null,
      coalesceMs,
    },
    signal,
  );
}
