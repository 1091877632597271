import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RecentCache } from "../src/server/live/recent-cache.js";

describe("RecentCache", () => {
  it("answers what make answered, and remembers the last few keys", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 9 }), { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (picks, size) => {
        const keys = Array.from({ length: 10 }, (_, i) => ({ i }));
        const cache = new RecentCache<{ i: number }, string>(size);
        const recent: number[] = [];
        for (const pick of picks) {
          let made = false;
          const value = cache.get(keys[pick]!, (key) => {
            made = true;
            return `value ${key.i}`;
          });
          expect(value).toBe(`value ${pick}`);
          // Made again only when the key is not among the last `size` keys made.
          expect(made).toBe(!recent.includes(pick));
          if (made) recent.push(pick);
          if (recent.length > size) recent.shift();
        }
      }),
    );
  });

  it("hands every caller of one fan-out the same object", () => {
    const cache = new RecentCache<object, object>();
    const event = {};
    const first = cache.get(event, () => ({ shaped: true }));
    for (let i = 0; i < 1000; i++) expect(cache.get(event, () => ({ shaped: true }))).toBe(first);
  });
});
