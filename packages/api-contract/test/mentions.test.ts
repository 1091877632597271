import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mentionedHandles, MAX_MENTIONS } from "../src/users/mentions.js";

describe("mentionedHandles", () => {
  it("finds @handles in prose, lower-cased and once each", () => {
    expect(mentionedHandles("Thanks @Jiwoo and @leo_builds! cc @jiwoo.")).toEqual(["jiwoo", "leo_builds"]);
    expect(mentionedHandles("@sara_k: start of a line\n(@minjun_dev)")).toEqual(["sara_k", "minjun_dev"]);
  });

  it("ignores e-mail addresses, paths, too short or too long names, and code", () => {
    expect(mentionedHandles("write to me@orgo.dev or see npm/@types")).toEqual([]);
    expect(mentionedHandles("@ab is too short, @" + "a".repeat(31) + " too long")).toEqual([]);
    expect(mentionedHandles("use `@types/node` or\n\n```ts\nimport x from '@jiwoo'\n```\nthen @sara_k")).toEqual([
      "sara_k",
    ]);
  });

  it(`never returns more than ${MAX_MENTIONS}, nor anything that is not a valid handle`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const handles = mentionedHandles(text);
        expect(handles.length).toBeLessThanOrEqual(MAX_MENTIONS);
        for (const handle of handles) expect(handle).toMatch(/^[a-z0-9_]{3,30}$/);
        expect(new Set(handles).size).toBe(handles.length);
      }),
    );
    const many = Array.from({ length: 30 }, (_, i) => `@person_${i}`).join(" ");
    expect(mentionedHandles(many)).toHaveLength(MAX_MENTIONS);
  });
});
