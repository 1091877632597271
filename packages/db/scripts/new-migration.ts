// Usage: pnpm --filter @orgo/db migration:new <name>
// Writes prisma/migrations/<timestamp>_<name>/{migration.sql,schema.prisma}.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { diffSchemaAgainstMigrations, isEmptyDiff } from "../src/migrations/migrate.js";
import { migrationsDir, schemaPath, snapshotFileName } from "../src/migrations/paths.js";
import { scratchDatabaseUrl } from "./scratch-database.js";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_");
if (!name) {
  console.error("Usage: migration:new <name>");
  process.exit(1);
}
const sql = await diffSchemaAgainstMigrations(await scratchDatabaseUrl());
if (isEmptyDiff(sql)) {
  console.log("schema.prisma matches the newest migration: nothing to do.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), sql + "\n");
await copyFile(schemaPath, path.join(dir, snapshotFileName));
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!existsSync(lock)) await writeFile(lock, 'provider = "postgresql"\n');
console.log(
  `Wrote ${path.relative(process.cwd(), dir)}. Add hand-written SQL (extensions, trigram indexes) at its end if needed.`,
);
