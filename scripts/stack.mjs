// `npm run stack`: the production shape on one machine. Installs and builds like
// `npm start` (client precompressed, API compiled), then runs nginx in front of two
// API processes (apps/api/scripts/run-stack.ts). Needs nginx with its brotli module,
// PostgreSQL and Redis on this machine (see docs/scale-out.md).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { ensureReady } from "./ensure-ready.mjs";
import { pnpm, repoRoot } from "./pnpm.mjs";

ensureReady();
console.log("› Building the web client (cached when unchanged)…");
pnpm(["exec", "turbo", "run", "build", "--filter=@orgo/web", "--output-logs=errors-only"]);
const apiDir = path.join(repoRoot, "apps", "api");
const compiled = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: apiDir, stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

// The supervisor runs from TypeScript; the API processes it starts are plain node.
const supervisor = spawn(process.execPath, ["--import", "tsx/esm", "scripts/run-stack.ts"], {
  cwd: apiDir,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => supervisor.kill(signal));
supervisor.on("exit", (code) => process.exit(code ?? 1));
