// `npm test`: every quality gate, then every test lane (docs/testing.md).
// `npm test -- <lane> [<lane>…] [vitest args]` runs only those lanes, without the
// gates: `npm run test:unit` is the fast one (no database, no server).
import { spawn } from "node:child_process";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { ensureReady } from "./ensure-ready.mjs";
import { pnpm, repoRoot } from "./pnpm.mjs";

const LANES = ["unit", "db", "process", "browser"];
const vitest = path.join(repoRoot, "node_modules", ".bin", "vitest");
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

/** Runs one or more lanes in one vitest process; resolves with its exit code and time. */
function runLanes(lanes, extraArgs, { buffered }) {
  const started = performance.now();
  const args = ["run", ...lanes.flatMap((lane) => ["--project", lane]), ...extraArgs];
  const child = spawn(vitest, args, {
    cwd: repoRoot,
    stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? "1" : "0") },
  });
  const output = [];
  child.stdout?.on("data", (chunk) => output.push(chunk));
  child.stderr?.on("data", (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      // A lane's output in one piece, so lanes running side by side stay readable.
      if (buffered) process.stdout.write(Buffer.concat(output));
      const time = seconds(started);
      console.log(`\n› Lane ${lanes.join(" + ")}: ${code === 0 ? "passed" : "FAILED"} in ${time} s`);
      resolve({ lanes, code: code ?? 1, time, output: buffered ? Buffer.concat(output).toString() : "" });
    });
  });
}

const requested = process.argv.slice(2);
const onlyLanes = requested.filter((arg) => LANES.includes(arg));
const vitestArgs = requested.filter((arg) => !LANES.includes(arg));

ensureReady();

if (onlyLanes.length > 0) {
  const { code } = await runLanes(onlyLanes, vitestArgs, { buffered: false });
  process.exit(code);
}

const overall = performance.now();
const step = (title, args) => {
  const started = performance.now();
  console.log(`\n› ${title}`);
  pnpm(args);
  console.log(`  (${seconds(started)} s)`);
};
step("Format check (prettier)", ["exec", "prettier", "--check", "."]);
step("Lint and typecheck the workspace root", ["exec", "eslint", "scripts", "eslint.config.js", "vitest.config.ts"]);
step("Lint, typecheck and build (turbo)", [
  "exec",
  "turbo",
  "run",
  "lint",
  "typecheck",
  "build",
  "--output-logs=errors-only",
]);
step("Layers: what may import what (dependency-cruiser)", [
  "exec",
  "depcruise",
  "--config",
  ".dependency-cruiser.cjs",
  "apps",
  "packages",
  "bench",
]);
step("Dead code: unused files and exports (knip)", ["exec", "knip", "--no-progress"]);

// The unit lane first: seconds, and a failure there is the cheapest to read. Then
// the lanes that share nothing but the template database run side by side: the
// browser lane waits on Chromium and the network most of its time, which is when
// the others use the two cores.
console.log("\n› Tests: the unit lane");
const unit = await runLanes(["unit"], vitestArgs, { buffered: false });
if (unit.code !== 0) process.exit(unit.code);
console.log("\n› Tests: the db, process and browser lanes, side by side (each lane's output when it ends)");
const results = await Promise.all([
  runLanes(["db", "process"], vitestArgs, { buffered: true }),
  runLanes(["browser"], vitestArgs, { buffered: true }),
]);
console.log("\n› Lane times");
for (const { lanes, code, time } of [unit, ...results]) {
  console.log(`  ${lanes.join(" + ").padEnd(14)} ${time.padStart(6)} s  ${code === 0 ? "passed" : "FAILED"}`);
}
console.log(`  ${"all".padEnd(14)} ${seconds(overall).padStart(6)} s`);
// CI keeps only the end of the log: a failed lane's failures come last, again, so the
// reason a run failed is never cut off by the other lane's output.
for (const { lanes, code, output } of results) {
  if (code !== 0) console.log(`\n› Why lane ${lanes.join(" + ")} failed\n${failureSummary(output)}`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);

/** Vitest's failure sections (failed suites and tests, unhandled errors) and its totals, in at most 8 KB. */
function failureSummary(output) {
  const text = stripVTControlCharacters(output);
  const starts = ["Failed Suites", "Failed Tests", "Unhandled Error"].map((marker) => text.indexOf(marker));
  const start = Math.min(...starts.filter((at) => at >= 0));
  const totals = text.lastIndexOf("Test Files");
  if (!Number.isFinite(start)) return text.slice(-4000);
  const failures = text.slice(start, totals > start ? totals : undefined);
  const clipped = failures.length > 8000 ? `${failures.slice(0, 8000)}\n[… cut]` : failures;
  return totals > start ? `${clipped}\n${text.slice(totals, totals + 300)}` : clipped;
}
