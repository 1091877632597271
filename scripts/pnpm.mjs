// Runs the pinned pnpm on a machine that has only Node and npm: a global pnpm of
// the pinned version if there is one, else the same version through npx (corepack
// cannot be used here: its registry signature check fails offline-ish machines).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const pinned = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).packageManager.split(
  "@",
)[1];

let command;
function resolvePnpm() {
  if (command) return command;
  const global = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
  command = global.status === 0 && global.stdout.trim() === pinned ? ["pnpm"] : ["npx", "-y", `pnpm@${pinned}`];
  return command;
}

/** Runs pnpm with inherited output; exits the process when it fails. */
export function pnpm(args, options = {}) {
  const [bin, ...pre] = resolvePnpm();
  const result = spawnSync(bin, [...pre, ...args], {
    cwd: repoRoot,
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", npm_config_update_notifier: "false", ...options.env },
  });
  if (result.status !== 0) {
    if (options.allowFailure) return result.status ?? 1;
    process.exit(result.status ?? 1);
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) pnpm(process.argv.slice(2));
