// `npm run fuzz`: the fuzz test of `npm test`, with many more inputs per procedure.
// FUZZ_RUNS (default 300) and FUZZ_SEED (default: a new one each run, printed) to change it.
import { ensureReady } from "./ensure-ready.mjs";
import { pnpm } from "./pnpm.mjs";

ensureReady();
process.env.FUZZ_RUNS ??= "300";
process.env.FUZZ_SEED ??= String(Math.floor(Math.random() * 2 ** 31));
console.log(`› Fuzzing every procedure: ${process.env.FUZZ_RUNS} inputs each, seed ${process.env.FUZZ_SEED}`);
pnpm(["exec", "vitest", "run", "--project", "api", "test/fuzz.test.ts"]);
