// `npm start`: install, generate, build the client and compile the API, then run the
// compiled API in this same process (plain JavaScript, no TypeScript loader), which
// starts the embedded PostgreSQL (when DATABASE_URL is unset), migrates, seeds and
// serves everything on http://localhost:3000.
// A production host runs `node apps/api/dist/main.js` itself, with no npm around it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureReady } from "./ensure-ready.mjs";
import { pnpm, repoRoot } from "./pnpm.mjs";

ensureReady();
console.log("› Building the web client (cached when unchanged)…");
pnpm(["exec", "turbo", "run", "build", "--filter=@orgo/web", "--output-logs=errors-only"]);
console.log("› Compiling the API…");
const apiDir = path.join(repoRoot, "apps", "api");
// In a child process: esbuild's service must not stay alive beside the server.
const compiled = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: apiDir, stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

process.env.NODE_ENV ??= "production";
// `npm start` runs us under `sh -c`; a SIGTERM sent to npm kills that shell without
// passing it on. When our parent is gone, stop as if we had been signalled (the API
// shuts down gracefully and stops the embedded database).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1000).unref();
await import(pathToFileURL(path.join(apiDir, "dist", "main.js")).href);
