import { tracked } from "@trpc/server";
import superjson from "superjson";
import type { z } from "zod";
import { serializeFast } from "./fast-serialize.js";
import { RecentCache } from "./recent-cache.js";

/**
 * Live events reach many subscribers as the *same* object (the bus validates an
 * envelope once where it enters the process and hands that object to every
 * listener). These helpers keep it that way through the router, so the costly
 * steps — validation and serialisation — happen once per event, not once per
 * subscriber. Caches are keyed by object identity and hold only the last few
 * (see RecentCache): a fan-out asks for the same object many times in a row.
 */
const parsed = new RecentCache<object, { schema: z.ZodType; output: unknown }[]>();

/** `schema.parse(value)`, done once per (value, schema); every subscriber gets the same result. */
export function parseOnce<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  if (typeof value !== "object" || value === null) return schema.parse(value);
  const bySchema = parsed.get(value, () => []);
  let done = bySchema.find((entry) => entry.schema === schema);
  if (!done) bySchema.push((done = { schema, output: schema.parse(value) }));
  return done.output as z.output<S>;
}

type Serialized = ReturnType<typeof superjson.serialize>;
const serialized = new RecentCache<object, Serialized>();

function serializeShared(value: object): Serialized {
  return serialized.get(value, serializeFast);
}

/** tRPC wraps a tracked event as `{ id, data }` anew for each subscriber: serialise the inner, shared, part once. */
function isTrackedWrapper(value: object): value is { id: string; data: object } {
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    "id" in value &&
    typeof value.id === "string" &&
    "data" in value &&
    typeof value.data === "object" &&
    value.data !== null
  );
}

/**
 * superjson's format (written by serializeFast), with the serialisation of shared
 * objects memoised, so clients deserialise it as usual.
 */
export function serializeOutput(value: unknown): Serialized {
  if (typeof value !== "object" || value === null) return superjson.serialize(value);
  if (!isTrackedWrapper(value)) return serializeShared(value);
  const inner = serializeShared(value.data);
  const meta = inner.meta;
  if (meta && Object.keys(meta).some((key) => key !== "values" && key !== "v")) return superjson.serialize(value);
  const values = meta?.values as Record<string, unknown> | unknown[] | undefined;
  // A root-level special value (the data itself a Date) has no path to prefix.
  if (Array.isArray(values)) return superjson.serialize(value);
  return {
    json: { id: value.id, data: inner.json },
    ...(values
      ? {
          meta: {
            ...meta,
            values: Object.fromEntries(Object.entries(values).map(([path, kind]) => [`data.${path}`, kind])),
          } as Serialized["meta"],
        }
      : {}),
  };
}

/**
 * How a live feed's item `{ id?, event }` goes to the client: the event validated once
 * (shared by every subscriber), tracked by its id when it has one (a durable change a
 * reconnect resumes after), plain when not (a signal such as typing or a read).
 */
export function presentLiveItem<S extends z.ZodType>(schema: S) {
  return (item: { id?: number; event: unknown }) => {
    const event = parseOnce(schema, item.event);
    return item.id === undefined ? event : tracked(String(item.id), event);
  };
}

/** The signal of a subscription called without one (tests, server-side callers): never aborts. */
export const neverAborted = () => new AbortController().signal;
