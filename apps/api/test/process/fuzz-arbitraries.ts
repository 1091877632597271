import fc from "fast-check";

/** The parts of JSON Schema that zod's `toJSONSchema` writes for our inputs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  default?: unknown;
}

/** Values that broke servers before: NUL, lone surrogates, huge and negative numbers, wrong shapes. */
function hostileValue(options: { bigStrings: boolean }): fc.Arbitrary<unknown> {
  const deep = (depth: number): unknown => {
    let value: unknown = "bottom";
    for (let i = 0; i < depth; i++) value = { next: value };
    return value;
  };
  return fc.oneof(
    fc.constantFrom(
      "\u0000",
      "a\u0000b",
      "\ud800",
      "\udfff lone",
      "𝕆𝕣𝔾𝕠 🧗",
      "' OR 1=1 --",
      "%00",
      "../../etc/passwd",
      "<script>alert(1)</script>",
      "",
      " ",
      "9999999999",
      "-1",
      "1e309",
      "00000000-0000-0000-0000-000000000000",
    ),
    fc.constantFrom(
      0,
      -1,
      1.5,
      2 ** 31,
      2 ** 31 - 1,
      -(2 ** 31) - 1,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      1e308,
      null,
      true,
    ),
    fc.constantFrom([], [null], {}, { __proto__: { admin: true } }, deep(40), deep(2_000)),
    fc.constant(options.bigStrings ? "x".repeat(1_000_000) : "x".repeat(6_000)),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.anything({ maxDepth: 3 }),
  );
}

export interface SchemaOptions {
  bigStrings: boolean;
  /** False: only values the schema describes (a valid base for the sweep). */
  hostileLeaves?: boolean;
  /** Every optional property present too, so each one is swept. */
  allKeys?: boolean;
}

/** Values shaped by the schema, with hostile leaves mixed in now and then. */
export function fromSchema(schema: JsonSchema | undefined, options: SchemaOptions): fc.Arbitrary<unknown> {
  const hostile = hostileValue(options);
  const leaf = (arbitrary: fc.Arbitrary<unknown>) =>
    options.hostileLeaves === false ? arbitrary : fc.oneof({ arbitrary, weight: 5 }, { arbitrary: hostile, weight: 1 });
  if (!schema) return hostile;
  if (schema.anyOf ?? schema.oneOf) {
    return fc.oneof(...(schema.anyOf ?? schema.oneOf)!.map((s) => fromSchema(s, options)));
  }
  if (schema.enum) return leaf(fc.constantFrom(...schema.enum));
  if (schema.const !== undefined) return leaf(fc.constant(schema.const));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(properties)) record[key] = fromSchema(child, options);
      const keys = Object.keys(properties).filter((key) => options.allKeys || required.has(key));
      return options.hostileLeaves === false
        ? fc.record(record, { requiredKeys: keys })
        : fc.oneof(
            { arbitrary: fc.record(record, { requiredKeys: keys }), weight: 6 },
            { arbitrary: hostile, weight: 1 },
          );
    }
    case "array":
      return leaf(fc.array(fromSchema(schema.items, options), { maxLength: Math.min(schema.maxItems ?? 12, 12) + 2 }));
    case "string": {
      const text = schema.pattern
        ? fc.stringMatching(new RegExp(schema.pattern))
        : schema.format === "uuid"
          ? fc.uuid()
          : schema.format === "email"
            ? fc.emailAddress()
            : fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 60) + 5 });
      return leaf(text);
    }
    case "integer":
      return leaf(
        fc.oneof(
          fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 5_000, 5_000) }),
          fc.constantFrom(schema.minimum ?? 0, schema.maximum ?? 2 ** 31, (schema.maximum ?? 0) + 1),
        ),
      );
    case "number":
      return leaf(fc.double({ noNaN: true }));
    case "boolean":
      return leaf(fc.boolean());
    case "null":
      return leaf(fc.constant(null));
    default:
      return options.hostileLeaves === false ? fc.constant(null) : hostile;
  }
}

/** What each field is swept with, in turn: the values that answered 500 before. */
export function sweepValues(bigStrings: boolean): unknown[] {
  return [
    "a\u0000b",
    "\ud800x",
    2 ** 31,
    -1,
    bigStrings ? "y".repeat(1_000_000) : "y".repeat(6_000),
    { not: "a scalar" },
  ];
}

/** Every place in a value where a scalar sits (paths of keys and indexes), the value itself included. */
export function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    const below = entries.flatMap(([key, child]) => leafPaths(child, [...path, key]));
    return below.length ? below : [path];
  }
  return [path];
}

/** A copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = withLeaf(copy[head], rest, replacement);
  return copy;
}
