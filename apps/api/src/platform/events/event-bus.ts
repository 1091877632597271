import type { TChannel, TEventEnvelope } from "@orgo/api-contract";

/**
 * What hears a channel: a function, or an object with `onEvent` — the channel hub's
 * entries, one per channel held, which a closure each would make ≈ 100 bytes larger.
 */
export type EventHandler = ((event: TEventEnvelope) => void) | { onEvent(event: TEventEnvelope): void };

/**
 * Publish/subscribe for live events. Publishers call it *after* their transaction
 * commits; subscribers must tolerate missing events (pub/sub keeps nothing), which
 * is why every stream catches up from the database. `publish` never fails the write
 * that called it: an event the bus cannot carry is dropped (and logged), and the
 * catch-up on resume delivers what it described.
 */
export interface EventBus {
  publish(channel: TChannel, event: TEventEnvelope): Promise<void>;
  /**
   * One event for many channels (a study message's "room list changed" for each of
   * its members): one message between processes, validated once where it lands, and
   * the same object handed to every channel's listeners, so it is serialised once.
   */
  publishToMany(channels: readonly TChannel[], event: TEventEnvelope): Promise<void>;
  /** Resolves once the subscription is active, so nothing published after is missed. */
  subscribe(channel: TChannel, handler: EventHandler): Promise<() => void>;
  /**
   * The same as calling what `subscribe` answered, for a caller that holds many
   * subscriptions (the channel hub): it keeps no function per channel.
   */
  unsubscribe(channel: TChannel, handler: EventHandler): void;
  /**
   * `listener` runs each time the bus comes back after being away (Redis restarted
   * or unreachable): what was published meanwhile is lost, so streams re-read the
   * database. The in-process bus is never away.
   */
  onResume(listener: () => void): void;
  close(): Promise<void>;
}
