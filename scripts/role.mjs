// `npm run role -- grant admin <handle>` and friends: see apps/api/scripts/role.ts.
// Installs and generates first when needed, like `npm start`, then compiles the API
// (about a second) and runs the compiled command, as production runs the server.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureReady } from "./ensure-ready.mjs";
import { repoRoot } from "./pnpm.mjs";

ensureReady();
// A relative DATA_DIR means what it means to `npm start`, run from here.
const env = { ...process.env, ...(process.env.DATA_DIR ? { DATA_DIR: path.resolve(process.env.DATA_DIR) } : {}) };
const apiDir = path.join(repoRoot, "apps", "api");
const built = spawnSync(process.execPath, ["scripts/build.mjs"], {
  cwd: apiDir,
  stdio: ["ignore", "ignore", "inherit"],
});
if (built.status !== 0) process.exit(built.status ?? 1);
const run = spawnSync(process.execPath, ["dist/role.js", ...process.argv.slice(2)], {
  cwd: apiDir,
  stdio: "inherit",
  env,
});
process.exit(run.status ?? 1);
