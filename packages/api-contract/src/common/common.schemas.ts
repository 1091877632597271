import { z } from "zod";
import { serverMessages as m } from "../messages.js";

/** PostgreSQL's `integer`: every serial id and integer cursor lives in it. */
export const INT4_MAX = 2_147_483_647;

/** A row id of an integer-keyed table (posts, comments, studies, notifications). */
export const ZDbId = z.number().int().min(1).max(INT4_MAX);

/** A calendar day `YYYY-MM-DD` that exists (no 2031-02-30, no month 13, no year 0). */
export const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, m.invalidDate)
  .refine((day) => {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    if (year < 1900 || year > 9999) return false;
    const parsed = new Date(Date.UTC(year, month - 1, date));
    return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
  }, m.invalidDate);

/**
 * A time zone name Node knows. That is not enough: Node still accepts retired
 * aliases such as `US/Pacific-New` that PostgreSQL refuses, so the database has
 * the last word (a foreign key to the names it knows; the service answers a
 * field error when it refuses).
 */
export const ZTimeZone = z
  .string()
  .max(64, m.invalidTimeZone)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, m.invalidTimeZone);

/** Text nobody can store: NUL (PostgreSQL refuses it) and lone UTF-16 surrogates (not text at all). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes("\u0000") || LONE_SURROGATE.test(text);
/** How deep an input may nest; no procedure takes more than a few levels. */
export const INPUT_MAX_DEPTH = 12;

/**
 * Walks a raw input (before its schema) and names the first problem every
 * procedure shares: unstorable text anywhere, in keys too, or absurd nesting.
 * Iterative, so a hostile depth cannot overflow the stack.
 */
export function rawInputProblem(input: unknown): string | null {
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (unstorable(value)) return m.invalidText;
    } else if (value !== null && typeof value === "object") {
      if (depth >= INPUT_MAX_DEPTH) return m.inputTooDeep;
      for (const [key, child] of Object.entries(value)) {
        if (unstorable(key)) return m.invalidText;
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * The writer's own id for a write it may have to repeat (the web client's outbox
 * retries after a lost connection): the same id again answers what was stored the
 * first time, and stores nothing new, even if the rest of the input differs.
 */
export const ZClientId = z.uuid();
