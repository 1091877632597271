// The import border, checked on the artefact: the built client must not contain
// server code. A lint rule stops the imports; this catches what slips through
// (a transitive import, a wrong export of the contract).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist", "assets");
const forbidden = [
  [/@prisma\/|PrismaClient|prisma-client/, "Prisma"],
  [/\bioredis\b/, "ioredis"],
  [/["']node:[a-z_/]+["']/, "a node: module"],
  [/\bpg_advisory|\bpino\b/, "server-only code"],
  // @trpc/server's router runtime (the contract's server entry pulls it in).
  [/No procedure found on path/, "the tRPC server runtime (@orgo/api-contract/server)"],
];
let failed = false;
for (const file of readdirSync(assets).filter((f) => f.endsWith(".js"))) {
  const text = readFileSync(path.join(assets, file), "utf8");
  for (const [pattern, what] of forbidden) {
    if (pattern.test(text)) {
      console.error(`check-bundle: ${file} contains ${what} (${pattern})`);
      failed = true;
    }
  }
}
if (failed) process.exit(1);
console.log("check-bundle: no server code in the client bundle");
