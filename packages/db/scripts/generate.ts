// `prisma generate` without the native schema engine: generation itself is wasm,
// but the CLI tries to download the binary unless this variable names a file.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
execFileSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: { PRISMA_HIDE_UPDATE_MESSAGE: "1", ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath },
});
