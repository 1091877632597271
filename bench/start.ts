/**
 * Start-up and memory of the API process: the compiled server (`node dist/main.js`,
 * what production runs) against the TypeScript sources through tsx's loader (what it
 * ran before), interleaved in the same run on one PostgreSQL and one Redis.
 *
 * For each: milliseconds from spawn to /readyz answering 200, the resident memory of
 * the process tree (the loader keeps an esbuild service as a child) once idle, and
 * after BENCH_REQUESTS feed requests (16 at a time).
 *
 *   npm run bench:start   (BENCH_DATABASE_URL / BENCH_REDIS_URL, else 127.0.0.1)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { freePort, freshBenchDatabase, repoRoot, sleep } from "./servers.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const apiDir = path.join(repoRoot, "apps", "api");

const modes = {
  compiled: ["dist/main.js"],
  "tsx loader": ["--import", "tsx/esm", "src/main.ts"],
} as const;
type Mode = keyof typeof modes;

/** Resident memory (MiB) of a process and all its descendants, from /proc. */
function treeRssMiB(pid: number): number {
  let kib = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(" ") : []) visit(Number(child));
      }
    } catch {
      // The process ended while we looked.
    }
  };
  visit(pid);
  return kib / 1024;
}

async function untilReady(url: string, child: ChildProcess) {
  for (;;) {
    if (child.exitCode !== null) throw new Error("the API exited before it was ready");
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(10);
  }
}

async function load(url: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { tab: "latest" } }));
  let next = 0;
  const worker = async () => {
    while (next++ < REQUESTS) {
      const response = await fetch(`${url}/trpc/post.feed?input=${input}`);
      if (!response.ok) throw new Error(`feed answered ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function measure(mode: Mode) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, modes[mode], {
    cwd: apiDir,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", PORT: String(port) },
    stdio: "inherit",
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await untilReady(url, child);
    const startMs = performance.now() - started;
    await sleep(2_000);
    const idle = treeRssMiB(child.pid!);
    await load(url);
    const loaded = treeRssMiB(child.pid!);
    return { startMs, idle, loaded };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

const compiled = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: apiDir, stdio: "inherit" });
if (compiled.status !== 0) process.exit(1);
const databaseUrl = await freshBenchDatabase(serverUrl, "orgo_bench_start");
process.env.DATABASE_URL = databaseUrl;
process.env.REDIS_URL = redisUrl;
process.env.SEED_DEMO_DATA = "true";

const results: Record<Mode, { startMs: number[]; idle: number[]; loaded: number[] }> = {
  compiled: { startMs: [], idle: [], loaded: [] },
  "tsx loader": { startMs: [], idle: [], loaded: [] },
};
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which goes first, so a warming cache favours neither.
  const order: Mode[] = round % 2 === 0 ? ["compiled", "tsx loader"] : ["tsx loader", "compiled"];
  for (const mode of order) {
    const figures = await measure(mode);
    results[mode].startMs.push(figures.startMs);
    results[mode].idle.push(figures.idle);
    results[mode].loaded.push(figures.loaded);
  }
}

console.log(`\n${ROUNDS} interleaved rounds, ${REQUESTS} feed requests each (median, spread):`);
console.log("mode        start ms          idle MiB        after load MiB");
for (const mode of Object.keys(results) as Mode[]) {
  const r = results[mode];
  console.log(
    `${mode.padEnd(11)} ${median(r.startMs).toFixed(0).padStart(5)} (${spread(r.startMs)})`.padEnd(30) +
      `${median(r.idle).toFixed(0).padStart(4)} (${spread(r.idle)})`.padEnd(16) +
      `${median(r.loaded).toFixed(0).padStart(4)} (${spread(r.loaded)})`,
  );
}
const ratio = (key: "startMs" | "idle" | "loaded") =>
  (median(results.compiled[key]) / median(results["tsx loader"][key])).toFixed(2);
console.log(
  `compiled / tsx loader: start ${ratio("startMs")}×, idle memory ${ratio("idle")}×, after load ${ratio("loaded")}×`,
);
process.exit(0);
