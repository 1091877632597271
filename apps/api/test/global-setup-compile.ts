// Tests that start real API processes run the compiled server (dist/main.js), as
// production does: compile it once per run (about half a second) so it is never stale.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function compileApi() {
  const apiDir = fileURLToPath(new URL("..", import.meta.url));
  const result = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: apiDir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`compiling the API failed:\n${result.stdout}${result.stderr}`);
}
