import { createHash } from "node:crypto";
import path from "node:path";

import { fileURLToPath } from "node:url";
import { isReachable, withAdminClient, withDatabase } from "../connection/admin.js";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../connection/embedded-postgres.js";
import { applyMigrations } from "../migrations/migrate.js";
import { readMigrationsList } from "../migrations/migrations-folder.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * Finds a PostgreSQL for the test run: TEST_DATABASE_URL, else the machine's local
 * server, else an embedded one (a laptop with nothing installed). Returns the URL of
 * a maintenance database on which we may create databases.
 */
export async function resolveTestServer(label = "default"): Promise<{ adminUrl: string; embedded?: EmbeddedDatabase }> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return { adminUrl: configured };
  if (await isReachable(LOCAL_POSTGRES)) return { adminUrl: LOCAL_POSTGRES };
  if (process.env.CI === "true") {
    throw new Error("CI=true but no PostgreSQL at 127.0.0.1:5432 and TEST_DATABASE_URL is unset");
  }
  const port = 55000 + Math.floor(Math.random() * 5000);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(repoRoot, ".data", `postgres-test-${label.replace(/[^\w-]/g, "_")}`),
    port,
  });
  return { adminUrl: embedded.adminUrl, embedded };
}

/**
 * Creates (once per set of migrations) a migrated template database. Workers clone
 * it with CREATE DATABASE … TEMPLATE, which copies files instead of replaying DDL.
 */
export async function prepareTemplate(
  adminUrl: string,
  /** More schema beside the migrations (the job queue's), named by `key` so a change makes a new template. */
  extra?: { key: string; install: (databaseUrl: string) => Promise<void> },
): Promise<string> {
  const list = await readMigrationsList();
  const hash = createHash("sha256");
  for (const m of list.migrationDirectories) hash.update(m.path).update(JSON.stringify(m.migrationFile.content));
  if (extra) hash.update(extra.key);
  const name = `orgo_tpl_${hash.digest("hex").slice(0, 16)}`;
  await withAdminClient(adminUrl, async (client) => {
    // Serialise concurrent test runs on one server around template creation.
    await client.query("select pg_advisory_lock(727274)");
    try {
      const { rowCount } = await client.query("select 1 from pg_database where datname = $1 and datistemplate", [name]);
      if (rowCount) return;
      await client.query(`drop database if exists "${name}"`);
      await client.query(`create database "${name}"`);
      await applyMigrations(withDatabase(adminUrl, name));
      await extra?.install(withDatabase(adminUrl, name));
      await client.query(`alter database "${name}" with is_template true allow_connections false`);
      // The schema engine's pool may linger; CREATE DATABASE … TEMPLATE needs the
      // template to have no sessions at all.
      await client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name]);
    } finally {
      await client.query("select pg_advisory_unlock(727274)");
    }
  });
  return name;
}

/** A fresh database cloned from the template; returns its connection string. */
export async function createTestDatabase(adminUrl: string, template: string, name: string): Promise<string> {
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}" template "${template}"`);
  });
  return withDatabase(adminUrl, name);
}

export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
}
