import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { plainExcerpt } from "../src/common/plain-excerpt.js";

describe("plain-text excerpts", () => {
  it("drops the marks and keeps what a reader reads", () => {
    expect(
      plainExcerpt("## Two pointers\n\n**Sorted** array, see [MDN](https://developer.mozilla.org) and `a[i]`."),
    ).toBe("Two pointers Sorted array, see MDN and a[i].");
    expect(plainExcerpt("> quoted\n- one\n- [x] two\n1. three\n\n---\n\n~~old~~ _new_ *it*")).toBe(
      "quoted one two three old new it",
    );
    expect(plainExcerpt("Before\n\n```ts\nconst s = a[i] + a[j];\n```\n\nAfter ![chart](/uploads/x.webp)")).toBe(
      "Before After",
    );
    expect(plainExcerpt("| a | b |\n|---|:-:|\n| 1 | 2 |")).toBe("a b 1 2");
    expect(plainExcerpt("snake_case and 2*3*4 stay")).toBe("snake_case and 2*3*4 stay");
    expect(plainExcerpt("Unclosed\n```\ncode to the end")).toBe("Unclosed");
  });

  it("cuts at a word, with an ellipsis, never longer than asked", () => {
    expect(plainExcerpt("word ".repeat(100), 30)).toBe("word word word word word word…");
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 10, max: 200 }), (text, max) => {
        const out = plainExcerpt(text, max);
        expect(out.length).toBeLessThanOrEqual(max + 1);
        expect(out).not.toMatch(/\s{2}|\n/);
      }),
    );
  });
});
