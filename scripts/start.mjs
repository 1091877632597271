// `npm start`: install, generate, build the client, then run the API, which starts
// the embedded PostgreSQL (when DATABASE_URL is unset), migrates, seeds and serves
// everything on http://localhost:3000.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureReady } from "./ensure-ready.mjs";
import { pnpm, repoRoot } from "./pnpm.mjs";

ensureReady();
console.log("› Building the web client (cached when unchanged)…");
pnpm(["exec", "turbo", "run", "build", "--filter=@orgo/web", "--output-logs=errors-only"]);

const apiDir = path.join(repoRoot, "apps", "api");
const child = spawn(process.execPath, ["--import", "tsx/esm", "src/main.ts"], {
  cwd: apiDir,
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
// The API shuts down gracefully (and stops the embedded database) on these.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
// `npm start` runs us under `sh -c`; a SIGTERM sent to npm kills that shell without
// passing it on. When our parent is gone, stop the API as if we had been signalled.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) child.kill("SIGTERM");
}, 1000).unref();
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
