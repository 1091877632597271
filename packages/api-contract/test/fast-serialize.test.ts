import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeFast } from "../src/server/live/fast-serialize.js";

/** Values like our answers: JSON with Dates, and now and then something only superjson knows. */
const answerLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: false }),
    fc.constant(undefined),
    fc.bigInt(),
    tie("array"),
    tie("object"),
  ),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(
    fc.oneof(fc.string(), fc.constantFrom("a.b", "c\\d", "createdAt", "prototype", "constructor", "__proto__")),
    tie("value"),
    {
      maxKeys: 4,
    },
  ),
}));

describe("serializeFast", () => {
  it("reads back, through superjson, exactly as superjson's own serialisation", () => {
    fc.assert(
      fc.property(fc.oneof(answerLike.object, answerLike.array), (value) => {
        let reference: unknown;
        try {
          reference = superjson.deserialize(superjson.serialize(value));
        } catch (refusal) {
          // What superjson refuses (a guarded key above a Date), the fast path refuses alike.
          expect(() => serializeFast(value)).toThrow((refusal as Error).message);
          return;
        }
        expect(superjson.deserialize(serializeFast(value))).toEqual(reference);
      }),
      { numRuns: 2_000 },
    );
  });

  it("writes superjson's exact format for a page of posts", () => {
    const at = new Date("2026-12-01T10:00:00.000Z");
    const page = {
      items: [1, 2].map((id) => ({
        id,
        title: "t",
        createdAt: new Date(at.getTime() - id),
        updatedAt: new Date(at.getTime() + id),
        author: { id: `u${id}` },
      })),
      nextCursor: null,
    };
    expect(serializeFast(page)).toEqual(superjson.serialize(page));
    expect(serializeFast({ plain: [1, "two", true, null] })).toEqual({ json: { plain: [1, "two", true, null] } });
  });
});
