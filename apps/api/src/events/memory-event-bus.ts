import { ZEventEnvelope, type TChannel, type TEventEnvelope } from "@orgo/api-contract";
import type { EventBus, EventHandler } from "./event-bus.js";

/** The single-process bus: used when REDIS_URL is unset. */
export function createMemoryEventBus(): EventBus {
  const handlers = new Map<TChannel, Set<EventHandler>>();
  return {
    publish(channel, event: TEventEnvelope) {
      const set = handlers.get(channel);
      if (!set) return Promise.resolve();
      // Validated once, like the Redis bus on receipt: every listener gets the same
      // checked object, so the router validates and serialises it once per event.
      const checked = ZEventEnvelope.parse(event);
      for (const handler of set) handler(checked);
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
    onResume() {
      // Never away.
    },
    close() {
      handlers.clear();
      return Promise.resolve();
    },
  };
}
