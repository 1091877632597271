import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@orgo/db";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";

/**
 * The pool's observation (metrics' statement durations and pool waits, the slow-query
 * log) sees every statement: those `pool.query` sends with a callback (every plain
 * read and write) as well as a transaction's, which use the promise form.
 */
describe("database observation", () => {
  let fresh: FreshDatabase;
  let db: Db;
  const statements: number[] = [];
  const waits: number[] = [];
  const slow: { sql: string; ms: number }[] = [];

  beforeAll(async () => {
    fresh = await freshDatabase();
    db = createDb({
      connectionString: fresh.url,
      maxConnections: 1,
      slowQuery: { thresholdMs: 100, report: (sql, ms) => slow.push({ sql, ms }) },
      observe: { statement: (ms) => statements.push(ms), poolWait: (ms) => waits.push(ms) },
    });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await fresh?.drop();
  });

  it("times plain statements, transactions' statements, and waits for the one connection", async () => {
    await db.$queryRaw`select 1`;
    expect(statements.length).toBeGreaterThanOrEqual(1);
    statements.length = 0;
    waits.length = 0;

    // Outside a transaction: pool.query's callback form.
    await db.$queryRaw`select pg_sleep(0.15)::text`;
    expect(statements.some((ms) => ms >= 140)).toBe(true);
    expect(slow.map((s) => s.sql)).toEqual([expect.stringContaining("pg_sleep")]);

    // Inside one: the promise form, on the transaction's connection.
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`select pg_sleep(0.12)::text`;
    });
    expect(slow).toHaveLength(2);

    // Two statements, one connection: the second waits for the first to give it back.
    waits.length = 0;
    await Promise.all([db.$queryRaw`select pg_sleep(0.1)::text`, db.$queryRaw`select 2`]);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(80);
  });
});
