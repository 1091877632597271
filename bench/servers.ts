/**
 * What the live benchmarks share: servers started as child processes under the heap
 * probe (bench/heap-probe.mjs) on free ports, read for their heap, and never left
 * running however a benchmark ends.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { applyMigrations, ensureDatabase, withDatabase } from "@orgo/db";

export const repoRoot = fileURLToPath(new URL("../", import.meta.url));
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

const probeDir = mkdtempSync(path.join(tmpdir(), "orgo-heap-"));
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(probeDir, { recursive: true, force: true });
});

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface ProbedServer {
  child: ChildProcess;
  url: string;
  /** Heap in use (KiB, with memory outside it such as socket buffers) after a full collection. */
  heapKiB(): Promise<number>;
  /** SIGTERM; resolves once the process has exited (a CPU profile is written on the way out). */
  stop(): Promise<void>;
}

/** Starts `node <args>` in `cwd` under the heap probe on a free port; resolves once `readyPath` answers. */
export async function startProbed(
  name: string,
  cwd: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<ProbedServer> {
  const port = await freePort();
  const probeFile = path.join(probeDir, name);
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", path.join(repoRoot, "bench", "heap-probe.mjs"), ...args],
    { cwd, env: { ...process.env, ...env, PORT: String(port), HEAP_PROBE_FILE: probeFile }, stdio: "inherit" },
  );
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}${readyPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i >= 600) throw new Error(`not ready: ${url}${readyPath}`);
    await sleep(100);
  }
  return {
    child,
    url,
    async heapKiB() {
      rmSync(probeFile, { force: true });
      child.kill("SIGUSR2");
      for (let i = 0; i < 1200 && !existsSync(probeFile); i++) await sleep(50);
      await sleep(50);
      return Number(readFileSync(probeFile, "utf8")) / 1024;
    },
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      return exited;
    },
  };
}

let apiCompiled = false;
/** Compiles the API once per benchmark run: benchmarks measure what production runs. */
function compileApi() {
  if (apiCompiled) return;
  const result = spawnSync(process.execPath, ["scripts/build.mjs"], {
    cwd: path.join(repoRoot, "apps", "api"),
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("compiling the API failed");
  apiCompiled = true;
}

/** The compiled API (`apps/api/dist/main.js`) with `env` on top of a quiet test configuration. */
export function startApi(name: string, env: Record<string, string>): Promise<ProbedServer> {
  compileApi();
  return startProbed(
    name,
    path.join(repoRoot, "apps", "api"),
    [
      // BENCH_CPU_PROFILE=dir: a V8 CPU profile per API process, written when it stops.
      ...(process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []),
      // BENCH_API_NODE_FLAGS="--max-semi-space-size=32 …": V8 flags for the API processes only, to try them.
      ...(process.env.BENCH_API_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
      "dist/main.js",
    ],
    { NODE_ENV: "test", LOG_LEVEL: "warn", ...env },
    "/readyz",
  );
}

/**
 * An empty, migrated database `name` on the PostgreSQL server at `serverUrl` (any
 * earlier one of that name dropped first); answers its URL.
 */
export async function freshBenchDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await ensureDatabase(url);
  await applyMigrations(url);
  return url;
}
