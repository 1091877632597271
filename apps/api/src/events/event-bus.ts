import type { TChannel, TEventEnvelope } from "@orgo/api-contract";

export type EventHandler = (event: TEventEnvelope) => void;

/**
 * Publish/subscribe for live events. Publishers call it *after* their transaction
 * commits; subscribers must tolerate missing events (pub/sub keeps nothing), which
 * is why every stream catches up from the database.
 */
export interface EventBus {
  publish(channel: TChannel, event: TEventEnvelope): Promise<void>;
  /** Resolves once the subscription is active, so nothing published after is missed. */
  subscribe(channel: TChannel, handler: EventHandler): Promise<() => void>;
  close(): Promise<void>;
}
