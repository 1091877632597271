import type { TEventEnvelope } from "@orgo/api-contract";
import type { EventHandler } from "./event-bus.js";

/**
 * The listeners of each channel, for the buses. A process's channel hub is nearly
 * always a channel's only listener, and a signed-in tab opens channels of its own
 * (its inbox, its direct rooms), so a lone handler is kept as it is: a Set per
 * channel was ≈ 100 bytes of every idle socket.
 */
export function createHandlerRegistry<K>() {
  const handlers = new Map<K, EventHandler | Set<EventHandler>>();
  return {
    /** True when this is the channel's first listener (the bus starts listening). */
    add(key: K, handler: EventHandler): boolean {
      const held = handlers.get(key);
      if (held === undefined) {
        handlers.set(key, handler);
        return true;
      }
      if (held instanceof Set) held.add(handler);
      else if (held !== handler) handlers.set(key, new Set([held, handler]));
      return false;
    },
    /** True when that was the channel's last listener (the bus stops listening). */
    remove(key: K, handler: EventHandler): boolean {
      const held = handlers.get(key);
      if (held === handler) {
        handlers.delete(key);
        return true;
      }
      if (!(held instanceof Set) || !held.delete(handler)) return false;
      if (held.size === 1) handlers.set(key, held.values().next().value!);
      return false;
    },
    has(key: K): boolean {
      return handlers.has(key);
    },
    dispatch(key: K, event: TEventEnvelope) {
      const held = handlers.get(key);
      if (held === undefined) return;
      if (held instanceof Set) for (const handler of held) call(handler, event);
      else call(held, event);
    },
    clear() {
      handlers.clear();
    },
  };
}

function call(handler: EventHandler, event: TEventEnvelope) {
  if (typeof handler === "function") handler(event);
  else handler.onEvent(event);
}
