import { readFile } from "node:fs/promises";
import { openSchemaEngine, noFilters } from "./schema-engine.js";
import { readLatestSnapshot, readMigrationsList } from "./migrations-folder.js";
import { schemaPath } from "./paths.js";

/** Applies the committed migrations that the database lacks, like `prisma migrate deploy`. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const content = await readFile(schemaPath, "utf8");
  const { engine, close } = await openSchemaEngine({ path: "schema.prisma", content }, connectionString);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrationsList(),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * SQL that takes the newest migration's schema to the current schema.prisma; empty
 * when they agree. Diffing schema to schema needs no shadow database, which the
 * wasm engine cannot create for PostgreSQL.
 */
export async function diffSchemaAgainstMigrations(connectionString: string, current?: string): Promise<string> {
  current ??= await readFile(schemaPath, "utf8");
  const previous = await readLatestSnapshot();
  const { engine, close } = await openSchemaEngine({ path: "schema.prisma", content: current }, connectionString);
  try {
    const result = await engine.diff({
      from:
        previous === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: previous }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: current }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return (result.stdout ?? "").trim();
  } finally {
    await close();
  }
}

export function isEmptyDiff(sql: string): boolean {
  return sql === "" || /^-- This is an empty migration\.?$/.test(sql);
}
