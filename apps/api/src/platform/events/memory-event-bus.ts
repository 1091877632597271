import { ZEventEnvelope, type TChannel, type TEventEnvelope } from "@orgo/api-contract";
import type { EventBus } from "./event-bus.js";
import { createHandlerRegistry } from "./handler-registry.js";

/** The single-process bus: used when REDIS_URL is unset. */
export function createMemoryEventBus(): EventBus {
  const handlers = createHandlerRegistry<TChannel>();
  function publishToMany(channels: readonly TChannel[], event: TEventEnvelope) {
    const listened = channels.filter((channel) => handlers.has(channel));
    if (listened.length === 0) return Promise.resolve();
    // Validated once, like the Redis bus on receipt: every listener gets the same
    // checked object, so the router validates and serialises it once per event.
    const checked = ZEventEnvelope.parse(event);
    for (const channel of listened) handlers.dispatch(channel, checked);
    return Promise.resolve();
  }
  return {
    publish: (channel, event) => publishToMany([channel], event),
    publishToMany,
    subscribe(channel, handler) {
      handlers.add(channel, handler);
      return Promise.resolve(() => void handlers.remove(channel, handler));
    },
    unsubscribe(channel, handler) {
      handlers.remove(channel, handler);
    },
    onResume() {
      // Never away.
    },
    close() {
      handlers.clear();
      return Promise.resolve();
    },
  };
}
