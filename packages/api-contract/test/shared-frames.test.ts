import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { parseOnce, serializeOutput } from "../src/server/live/shared-frames.js";
import { ZPostSummary } from "../src/schemas.js";
import { makePost } from "../src/testing/fake-services.js";

describe("live events serialised once", () => {
  const post = { ...makePost(7), createdAt: new Date("2026-01-02T03:04:05Z"), secret: "never on the wire" };

  it("parses a shared event once, and strips what the schema does not know", () => {
    const first = parseOnce(ZPostSummary, post);
    expect(parseOnce(ZPostSummary, post)).toBe(first);
    expect(first).not.toHaveProperty("secret");
  });

  it("serialises exactly like superjson, a tracked wrapper included, and reuses the shared part", () => {
    const shared = parseOnce(ZPostSummary, post);
    for (const value of [shared, { id: "7", data: shared }, [shared], null, 42, new Date(0)]) {
      expect(superjson.deserialize(serializeOutput(value))).toEqual(superjson.deserialize(superjson.serialize(value)));
    }
    const a = serializeOutput({ id: "7", data: shared });
    const b = serializeOutput({ id: "7", data: shared });
    expect((a.json as { data: unknown }).data).toBe((b.json as { data: unknown }).data);
  });
});
