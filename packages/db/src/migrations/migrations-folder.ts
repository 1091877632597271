import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { migrationsDir, snapshotFileName } from "./paths.js";

async function listMigrationNames(): Promise<string[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function readMigrationsList(): Promise<MigrationList> {
  const names = await listMigrationNames();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"),
          },
        },
      })),
    ),
  };
}

/** The schema the newest migration was generated from, or null before the first one. */
export async function readLatestSnapshot(): Promise<string | null> {
  const names = await listMigrationNames();
  const latest = names.at(-1);
  if (!latest) return null;
  const file = path.join(migrationsDir, latest, snapshotFileName);
  if (!existsSync(file)) throw new Error(`Migration ${latest} has no ${snapshotFileName} snapshot`);
  return readFile(file, "utf8");
}
