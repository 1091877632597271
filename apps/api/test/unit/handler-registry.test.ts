import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TEventEnvelope } from "@orgo/api-contract";
import type { EventHandler } from "../../src/platform/events/event-bus.js";
import { createHandlerRegistry } from "../../src/platform/events/handler-registry.js";
import { withItem, withoutAt } from "../../src/platform/live/small-list.js";

describe("the buses' handler registry", () => {
  it("behaves like a Set of handlers (functions or listener objects) per channel, whatever the order of adds and removes", () => {
    const ops = fc.array(fc.record({ add: fc.boolean(), channel: fc.nat({ max: 2 }), handler: fc.nat({ max: 3 }) }), {
      maxLength: 80,
    });
    fc.assert(
      fc.property(ops, (steps) => {
        const calls: string[] = [];
        // Functions and listener objects (the channel hub's entries) alike.
        const hear = (h: number, event: TEventEnvelope) =>
          calls.push(`${h}:${(event as unknown as { tag: string }).tag}`);
        const handlers: EventHandler[] = Array.from({ length: 4 }, (_, h) =>
          h % 2 === 0
            ? (event: TEventEnvelope) => hear(h, event)
            : { onEvent: (event: TEventEnvelope) => hear(h, event) },
        );
        const registry = createHandlerRegistry<number>();
        const model = new Map<number, Set<number>>();
        for (const { add, channel, handler } of steps) {
          const held = model.get(channel) ?? new Set<number>();
          if (add) {
            expect(registry.add(channel, handlers[handler]!)).toBe(held.size === 0);
            held.add(handler);
          } else {
            const last = held.size === 1 && held.has(handler);
            expect(registry.remove(channel, handlers[handler]!)).toBe(last);
            held.delete(handler);
          }
          model.set(channel, held);
          for (const [c, set] of model) {
            expect(registry.has(c)).toBe(set.size > 0);
            calls.length = 0;
            registry.dispatch(c, { tag: `c${c}` } as unknown as TEventEnvelope);
            expect(calls.sort()).toEqual([...set].map((h) => `${h}:c${c}`).sort());
          }
        }
      }),
    );
  });
});

describe("small lists", () => {
  it("add and remove without changing the list they were given", () => {
    const list = withItem(withItem(null, "a"), "b");
    expect(list).toEqual(["a", "b"]);
    const without = withoutAt(list, 0);
    expect(without).toEqual(["b"]);
    expect(list).toEqual(["a", "b"]);
  });
});
