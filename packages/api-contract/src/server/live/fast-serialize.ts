import superjson from "superjson";

type Serialized = ReturnType<typeof superjson.serialize>;

/** Thrown inside the walk when a value needs superjson's full treatment (made once: throwing it is cheap). */
const NEEDS_SUPERJSON = new Error("needs superjson");
const MAX_DEPTH = 64;
/** Keys superjson refuses in a path (prototype pollution): it decides what happens to them. */
const GUARDED_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/**
 * superjson's wire format, written in one pass for what our answers are made of:
 * plain objects, arrays, strings, finite numbers, booleans, null and Dates. Anything
 * else (undefined, Map, Set, BigInt, NaN, -0, a class instance, a key with a dot,
 * a key superjson guards such as `prototype`, deep nesting) goes to superjson itself,
 * so every value comes out as superjson would have it (or is refused as it refuses it).
 *
 * superjson walks a value several times (to find special values, then referential
 * equalities, then to copy); a page of twenty posts cost about a tenth of a feed
 * request's CPU. One difference, by design: an object that appears twice is written
 * twice and not marked as the same reference, so the client gets two equal copies.
 */
export function serializeFast(value: unknown): Serialized {
  if (value instanceof Date || typeof value !== "object" || value === null) return superjson.serialize(value);
  let dates: Record<string, ["Date"]> | null = null;
  const walk = (node: unknown, path: string, depth: number): unknown => {
    switch (typeof node) {
      case "string":
      case "boolean":
        return node;
      case "number":
        if (Number.isFinite(node) && !Object.is(node, -0)) return node;
        throw NEEDS_SUPERJSON;
      case "object": {
        if (node === null) return null;
        if (depth > MAX_DEPTH) throw NEEDS_SUPERJSON;
        if (node instanceof Date) {
          if (Number.isNaN(node.getTime())) throw NEEDS_SUPERJSON;
          (dates ??= {})[path] = ["Date"];
          return node.toISOString();
        }
        const prefix = path === "" ? "" : `${path}.`;
        if (Array.isArray(node)) {
          const out: unknown[] = new Array(node.length);
          for (let i = 0; i < node.length; i++) {
            if (!(i in node)) throw NEEDS_SUPERJSON;
            out[i] = walk(node[i], prefix + i, depth + 1);
          }
          return out;
        }
        const proto = Object.getPrototypeOf(node) as unknown;
        if (proto !== Object.prototype && proto !== null) throw NEEDS_SUPERJSON;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(node)) {
          const child = (node as Record<string, unknown>)[key];
          if (child === undefined || key === "" || key.includes(".") || key.includes("\\") || GUARDED_KEYS.has(key)) {
            throw NEEDS_SUPERJSON;
          }
          out[key] = walk(child, prefix + key, depth + 1);
        }
        return out;
      }
      default:
        throw NEEDS_SUPERJSON;
    }
  };
  try {
    const json = walk(value, "", 0) as Serialized["json"];
    return dates ? { json, meta: { values: dates, v: 1 } } : { json };
  } catch (error) {
    if (error === NEEDS_SUPERJSON) return superjson.serialize(value);
    throw error;
  }
}
