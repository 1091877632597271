// `npm test`: every quality gate and every test of every package.
import { ensureReady } from "./ensure-ready.mjs";
import { pnpm } from "./pnpm.mjs";

ensureReady();
const step = (title, args) => {
  console.log(`\n› ${title}`);
  pnpm(args);
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
step("Tests (vitest)", ["exec", "vitest", "run"]);
