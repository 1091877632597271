import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "../src/migrations/migrate.js";
import { diffSchemaAgainstMigrations, isEmptyDiff } from "../src/migrations/migrate.js";
import { schemaPath } from "../src/migrations/paths.js";
import { freshDatabase, type FreshDatabase } from "../src/testing/index.js";

describe("migrations", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(() => fresh.drop());

  it("leave a cloned test database fully migrated, so applying again does nothing", async () => {
    expect(await applyMigrations(fresh.url)).toEqual([]);
    const tables = await fresh.db.$queryRaw<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["Post", "User", "_prisma_migrations"]));
  });

  it("agree with schema.prisma (the drift check)", async () => {
    const sql = await diffSchemaAgainstMigrations(inject("adminDatabaseUrl"));
    expect(sql, `schema.prisma changed without a migration:\n${sql}`).toSatisfy(isEmptyDiff);
  });

  it("report drift when the schema gains a column without a migration", async () => {
    const changed = (await readFile(schemaPath, "utf8")).replace("model Post {", "model Post {\n  driftProbe String?");
    const sql = await diffSchemaAgainstMigrations(inject("adminDatabaseUrl"), changed);
    expect(isEmptyDiff(sql)).toBe(false);
    expect(sql).toContain("driftProbe");
  });
});
