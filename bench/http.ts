/**
 * The Latest feed over HTTP: the compiled API (tRPC + Prisma, post.feed) against a
 * hand-written node:http + pg handler returning the same rows (raw-feed-server.mjs),
 * started in the same run on one database of BENCH_POSTS posts (100 000), measured
 * by wrk (32 connections) in interleaved rounds. For the first page and a deep page
 * (90 % down), anonymous and signed in, it prints requests per second and CPU per
 * request of each, and their ratio (median and spread over the rounds).
 *
 *   npm run bench:http   (needs wrk: apt-get install wrk; PostgreSQL: BENCH_DATABASE_URL,
 *                         else 127.0.0.1:5432; BENCH_CPU_PROFILE=dir to profile the API)
 */
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations, ensureDatabase, withDatabase } from "@orgo/db";
import { seedPosts } from "./seed-posts.js";
import { repoRoot, startApi, startProbed, type ProbedServer } from "./servers.js";

const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 32;
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = withDatabase(serverUrl, "orgo_bench");

if (spawnSync("wrk", ["--version"]).error) {
  console.error("bench:http needs wrk (Debian: apt-get install wrk).");
  process.exit(1);
}

await ensureDatabase(url);
await applyMigrations(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
await seedPosts(client, POSTS);

// A signed-in reader who likes a third of the posts, with a session as sign-in makes one.
const { rows: people } = await client.query<{ id: string }>(`select id from "User" where handle = 'bench_1'`);
const readerId = people[0]!.id;
await client.query(
  `insert into "PostLike" ("postId", "userId") select id, $1 from "Post" where id % 3 = 0 on conflict do nothing`,
  [readerId],
);
await client.query(`analyze "PostLike"`);
// Token parts as sign-in makes them: 24 letters of a 32-letter alphabet.
const tokenPart = () => [...randomBytes(24)].map((byte) => "abcdefghijkmnpqrstuvwxyz23456789"[byte >> 3]).join("");
const sessionId = tokenPart();
const secret = tokenPart();
await client.query(
  `insert into "Session" (id, "secretHash", "userId", "expiresAt", "absoluteExpiresAt")
   values ($1, $2, $3, now() + interval '30 days', now() + interval '365 days')`,
  [sessionId, createHash("sha256").update(secret).digest(), readerId],
);
const cookie = `orgo_session=${sessionId}.${secret}`;
const { rows: deep } = await client.query<{ id: number }>(`select id from "Post" order by id desc offset $1 limit 1`, [
  Math.floor(POSTS * 0.9),
]);
const deepCursor = String(deep[0]!.id);

const servers: Record<"api" | "raw", ProbedServer> = {
  api: await startApi("http-api", { DATABASE_URL: url, SEED_DEMO_DATA: "false", LOG_LEVEL: "warn" }),
  raw: await startProbed(
    "http-raw",
    path.join(repoRoot, "bench"),
    ["raw-feed-server.mjs"],
    { DATABASE_URL: url },
    "/ready",
  ),
};

const feedPath = (cursor: string | null) => ({
  api: `/trpc/post.feed?input=${encodeURIComponent(
    JSON.stringify({ json: { kind: "latest", limit: 20, ...(cursor ? { cursor } : {}) } }),
  )}`,
  raw: `/feed${cursor ? `?cursor=${cursor}` : ""}`,
});
const cases = [
  { name: "first page, anonymous", paths: feedPath(null), cookie: null },
  { name: "page at 90%, anonymous", paths: feedPath(deepCursor), cookie: null },
  { name: "first page, signed in", paths: feedPath(null), cookie },
  { name: "page at 90%, signed in", paths: feedPath(deepCursor), cookie },
];

// Both answer the same rows.
for (const c of cases) {
  const headers = c.cookie ? { cookie: c.cookie } : undefined;
  const api = (await (await fetch(`${servers.api.url}${c.paths.api}`, { headers })).json()) as {
    result: { data: { json: { items: { id: number; likedByMe: boolean }[] } } };
  };
  const raw = (await (await fetch(`${servers.raw.url}${c.paths.raw}`, { headers })).json()) as {
    items: { id: number; likedByMe: boolean }[];
  };
  const shape = (items: { id: number; likedByMe: boolean }[]) => items.map((i) => `${i.id}:${i.likedByMe}`).join();
  if (shape(api.result.data.json.items) !== shape(raw.items))
    throw new Error(`${c.name}: the two answer different rows`);
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function wrk(target: string, cookieHeader: string | null, seconds: number): number {
  const args = ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, ...(cookieHeader ? ["-H", `Cookie: ${cookieHeader}`] : [])];
  const run = spawnSync("wrk", [...args, target], { encoding: "utf8" });
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1];
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(run.stdout)?.[1];
  if (!rps || errors) throw new Error(`wrk: ${run.stdout}${run.stderr}`);
  return Number(rps);
}

type Figures = { rps: number[]; cpuMs: number[] };
const results = new Map<string, Record<"api" | "raw", Figures>>(
  cases.map((c) => [c.name, { api: { rps: [], cpuMs: [] }, raw: { rps: [], cpuMs: [] } }]),
);
// Warm both (JIT, prepared statements, pool) before anything counts.
for (const c of cases)
  for (const kind of ["api", "raw"] as const) wrk(`${servers[kind].url}${c.paths[kind]}`, c.cookie, 2);

for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    const order = round % 2 === 0 ? (["api", "raw"] as const) : (["raw", "api"] as const);
    for (const kind of order) {
      const server = servers[kind];
      const before = cpuSeconds(server.child.pid!);
      const rps = wrk(`${server.url}${c.paths[kind]}`, c.cookie, SECONDS);
      const cpu = cpuSeconds(server.child.pid!) - before;
      const figures = results.get(c.name)![kind];
      figures.rps.push(rps);
      figures.cpuMs.push((cpu * 1000) / (rps * SECONDS));
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const range = (values: number[], digits = 0) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
console.log(
  `\n${POSTS} posts · wrk ${CONNECTIONS} connections · ${ROUNDS} interleaved rounds of ${SECONDS} s (median, spread)`,
);
console.log("case                      API req/s        raw req/s        API / raw        CPU ms/req API · raw");
for (const c of cases) {
  const { api, raw } = results.get(c.name)!;
  const ratios = api.rps.map((rps, i) => rps / raw.rps[i]!);
  console.log(
    [
      c.name.padEnd(24),
      `${median(api.rps).toFixed(0)} (${range(api.rps)})`.padEnd(16),
      `${median(raw.rps).toFixed(0)} (${range(raw.rps)})`.padEnd(16),
      `${median(ratios).toFixed(2)}× (${range(ratios, 2)})`.padEnd(16),
      `${median(api.cpuMs).toFixed(2)} · ${median(raw.cpuMs).toFixed(2)}`,
    ].join(" "),
  );
}
await Promise.all(Object.values(servers).map((server) => server.stop()));
await client.end();
process.exit(0);
