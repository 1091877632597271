// `npm run role -- grant admin <handle>` and friends: see apps/api/scripts/role.ts.
// Installs and generates first when needed, like `npm start`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureReady } from "./ensure-ready.mjs";
import { repoRoot } from "./pnpm.mjs";

ensureReady();
// A relative DATA_DIR means what it means to `npm start`, run from here.
const env = { ...process.env, ...(process.env.DATA_DIR ? { DATA_DIR: path.resolve(process.env.DATA_DIR) } : {}) };
const run = spawnSync(process.execPath, ["--import", "tsx/esm", "scripts/role.ts", ...process.argv.slice(2)], {
  cwd: path.join(repoRoot, "apps", "api"),
  stdio: "inherit",
  env,
});
process.exit(run.status ?? 1);
