import type { TChannel, TEventEnvelope } from "@orgo/api-contract";
import type { EventBus, EventHandler } from "./event-bus.js";

/** The single-process bus: used when REDIS_URL is unset. */
export function createMemoryEventBus(): EventBus {
  const handlers = new Map<TChannel, Set<EventHandler>>();
  return {
    publish(channel, event: TEventEnvelope) {
      for (const handler of handlers.get(channel) ?? []) handler(event);
      return Promise.resolve();
    },
    subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(handler);
      return Promise.resolve(() => {
        set.delete(handler);
        if (set.size === 0) handlers.delete(channel);
      });
    },
    close() {
      handlers.clear();
      return Promise.resolve();
    },
  };
}
