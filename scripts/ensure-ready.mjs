// What `npm start`, `npm test` and `npm run dev` need before they run: dependencies
// installed for the current lockfile, and the Prisma client generated for the
// current schema. Both are skipped when their inputs have not changed, so a warm
// start does no work here.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pnpm, repoRoot } from "./pnpm.mjs";

function hashFiles(files) {
  const hash = createHash("sha256");
  for (const file of files) {
    const full = path.join(repoRoot, file);
    hash.update(file).update(existsSync(full) ? readFileSync(full) : "");
  }
  return hash.digest("hex");
}

function upToDate(stampFile, hash) {
  return existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash;
}

export function ensureReady() {
  const major = Number(process.versions.node.split(".")[0]);
  const minor = Number(process.versions.node.split(".")[1]);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`OrGo needs Node.js 20.19 or newer; this is ${process.version}.`);
    process.exit(1);
  }

  const manifests = [
    "pnpm-lock.yaml",
    "pnpm-workspace.yaml",
    "package.json",
    "apps/api/package.json",
    "apps/web/package.json",
    "packages/db/package.json",
    "packages/api-contract/package.json",
  ];
  const installStamp = path.join(repoRoot, "node_modules", ".orgo-install");
  const installHash = hashFiles(manifests);
  if (!upToDate(installStamp, installHash)) {
    console.log("› Installing dependencies (pnpm)…");
    pnpm(["install", "--frozen-lockfile", "--prefer-offline"]);
    writeFileSync(installStamp, installHash);
  }

  const generatedStamp = path.join(repoRoot, "packages/db/src/generated/.schema-hash");
  const schemaHash = hashFiles(["packages/db/prisma/schema.prisma", "pnpm-lock.yaml"]);
  if (!upToDate(generatedStamp, schemaHash)) {
    console.log("› Generating the Prisma client…");
    pnpm(["--filter", "@orgo/db", "run", "generate"]);
    writeFileSync(generatedStamp, schemaHash);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(path.sep).join("/"))) ensureReady();
