/**
 * Summarises V8 CPU profiles (`--cpu-prof`, e.g. written by `BENCH_CPU_PROFILE=dir npm
 * run bench:http`) as self time per library, so a profile can be kept in
 * docs/performance.md as a small table rather than a 50 MB file.
 *
 *   npm run bench:profile -- <dir-or-file.cpuprofile> [...]
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** First matching rule names the bucket; the order puts specific packages first. */
const BUCKETS: [string, (fn: string, url: string) => boolean][] = [
  ["(idle)", (fn) => fn === "(idle)"],
  ["GC", (fn) => fn === "(garbage collector)"],
  ["Prisma", (_fn, url) => /prisma|@orgo\/db|packages\/db/.test(url)],
  ["pg driver", (_fn, url) => /node_modules\/.*\/pg(-[a-z]+)?\//.test(url)],
  ["superjson", (_fn, url) => url.includes("superjson")],
  ["tRPC", (_fn, url) => url.includes("@trpc")],
  ["zod", (_fn, url) => url.includes("/zod/")],
  ["other npm packages", (_fn, url) => url.includes("node_modules")],
  ["OrGo code", (_fn, url) => url.includes("/dist/") || url.includes("/src/")],
  ["Node internals (http, streams, net)", (_fn, url) => url.startsWith("node:")],
  ["V8 / native", () => true],
];

function profilesIn(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith(".cpuprofile"))
          .map((name) => join(path, name))
      : [path],
  );
}

const totals = new Map<string, number>();
/** Self time per function ("name (file)"), for the top-functions table. */
const byFunction = new Map<string, number>();
// pnpm passes the `--` of `npm run bench:profile -- <dir>` through.
const files = profilesIn(process.argv.slice(2).filter((arg) => arg !== "--"));
if (files.length === 0) {
  console.error("usage: profile-summary <dir-or-file.cpuprofile> [...]");
  process.exit(2);
}
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const bucketOf = new Map<number, string>();
  const nameOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url } = node.callFrame;
    bucketOf.set(node.id, BUCKETS.find(([, matches]) => matches(functionName, url))![0]);
    const file = url
      .replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, "")
      .replace(/^file:\/\/.*\/(apps|packages)\//, "$1/");
    nameOf.set(node.id, `${functionName || "(anonymous)"}${file ? ` (${file})` : ""}`);
  }
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const bucket = bucketOf.get(id) ?? "V8 / native";
    totals.set(bucket, (totals.get(bucket) ?? 0) + us);
    if (bucket === "(idle)") return;
    const name = nameOf.get(id) ?? "?";
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  });
}

const busy = [...totals].filter(([bucket]) => bucket !== "(idle)").reduce((sum, [, us]) => sum + us, 0);
console.log(`${files.length} profile(s), ${(busy / 1e6).toFixed(1)} s busy (idle left out)\n`);
console.log("| self time in | share of busy CPU |\n| --- | --- |");
for (const [bucket, us] of [...totals].sort((a, b) => b[1] - a[1])) {
  if (bucket === "(idle)") continue;
  console.log(`| ${bucket} | ${((100 * us) / busy).toFixed(1)} % |`);
}

console.log("\n| function (self time) | share |\n| --- | --- |");
for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`| ${name} | ${((100 * us) / busy).toFixed(1)} % |`);
}
