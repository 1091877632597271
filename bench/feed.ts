/**
 * Feed benchmark: the real post service (Prisma, the same code the API runs) against
 * a plain `pg` query returning the same rows, in the same run, on a database with
 * BENCH_POSTS posts (default 100 000). Prints latency and throughput as ratios, so
 * the numbers mean something on a shared, noisy machine.
 *
 *   npm run bench            (PostgreSQL: BENCH_DATABASE_URL, else 127.0.0.1:5432)
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations, createDb, ensureDatabase, withDatabase } from "@orgo/db";
import type { TFeedInput } from "@orgo/api-contract";
import { createPostService } from "../apps/api/src/domains/posts/post.service.js";
import { createMemoryEventBus } from "../apps/api/src/platform/events/memory-event-bus.js";
import { createLocalFileStorage } from "../apps/api/src/platform/storage/local-file-storage.js";
import { createMemoryRateLimiter } from "../apps/api/src/platform/rate-limit/memory-rate-limiter.js";
import { createSafety } from "../apps/api/src/domains/safety/safety.js";
import { postVisibleText } from "../apps/api/src/domains/visibility/visibility.js";
import { compare } from "./measure.js";
import { seedPosts } from "./seed-posts.js";

const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const PAGE = 20;
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = withDatabase(server, "orgo_bench");

/**
 * The same rows as the service's Latest / Popular page for a visitor, in one plain SQL
 * statement: not deleted, and visible (not hidden by moderators, its author's content
 * not hidden by a suspension), the same visibility rule the service asks.
 */
const visible = postVisibleText("p", null);
const plainSql = {
  latest: `select p.id, p.title, p.body, p."createdAt", p."updatedAt", p."likeCount", p."commentCount", p."viewCount",
                  u.id as "authorId", u.handle, u."displayName", u."avatarUrl"
           from "Post" p join "User" u on u.id = p."authorId"
           where ${visible} and ($1::int is null or p.id < $1)
           order by p.id desc limit ${PAGE + 1}`,
  popular: `select p.id, p.title, p.body, p."createdAt", p."updatedAt", p."likeCount", p."commentCount", p."viewCount",
                   u.id as "authorId", u.handle, u."displayName", u."avatarUrl"
            from "Post" p join "User" u on u.id = p."authorId"
            where ${visible} and ($1::int is null or (p."likeCount", p.id) < ($1, $2))
            order by p."likeCount" desc, p.id desc limit ${PAGE + 1}`,
};

async function main() {
  await ensureDatabase(url);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await seedPosts(client, POSTS);
  const db = createDb({ connectionString: url, maxConnections: 4 });
  const base = {
    db,
    bus: createMemoryEventBus(),
    storage: createLocalFileStorage(mkdtempSync(path.join(tmpdir(), "orgo-bench-"))),
    limiter: createMemoryRateLimiter(),
  };
  const posts = createPostService({ ...base, guard: createSafety({ ...base, now: () => new Date() }).guard });

  // A deep page: the cursor of the post 90% of the way down each feed.
  const deepLatest = (
    await client.query<{ id: number }>(`select id from "Post" order by id desc offset $1 limit 1`, [
      Math.floor(POSTS * 0.9),
    ])
  ).rows[0]!.id;
  const deepPopular = (
    await client.query<{ id: number; likeCount: number }>(
      `select id, "likeCount" from "Post" order by "likeCount" desc, id desc offset $1 limit 1`,
      [Math.floor(POSTS * 0.9)],
    )
  ).rows[0]!;

  const cases: { name: string; input: TFeedInput; sql: string; params: (number | null)[] }[] = [
    { name: "Latest, first page", input: { kind: "latest", limit: PAGE }, sql: plainSql.latest, params: [null] },
    {
      name: "Latest, page at 90%",
      input: { kind: "latest", limit: PAGE, cursor: String(deepLatest) },
      sql: plainSql.latest,
      params: [deepLatest],
    },
    {
      name: "Popular, first page",
      input: { kind: "popular", limit: PAGE },
      sql: plainSql.popular,
      params: [null, null],
    },
    {
      name: "Popular, page at 90%",
      input: { kind: "popular", limit: PAGE, cursor: `${deepPopular.likeCount}.${deepPopular.id}` },
      sql: plainSql.popular,
      params: [deepPopular.likeCount, deepPopular.id],
    },
  ];

  console.log(`\n${POSTS} posts · ${ITERATIONS} interleaved runs per case · page of ${PAGE}`);
  console.log("case                    service median   pg median   latency ratio   throughput ratio");
  const medians: Record<string, number> = {};
  for (const c of cases) {
    const result = await compare(
      () => posts.feed(c.input, null),
      () => client.query(c.sql, c.params),
      ITERATIONS,
    );
    medians[c.name] = result.subject.medianMs;
    console.log(
      [
        c.name.padEnd(22),
        `${result.subject.medianMs.toFixed(2)} ms`.padStart(14),
        `${result.baseline.medianMs.toFixed(2)} ms`.padStart(11),
        `${(result.subject.medianMs / result.baseline.medianMs).toFixed(2)}×`.padStart(15),
        `${(result.subject.opsPerSecond / result.baseline.opsPerSecond).toFixed(2)}×`.padStart(18),
      ].join("  "),
    );
  }
  console.log(
    `\ndeep page / first page (service): Latest ${(medians["Latest, page at 90%"]! / medians["Latest, first page"]!).toFixed(2)}×, ` +
      `Popular ${(medians["Popular, page at 90%"]! / medians["Popular, first page"]!).toFixed(2)}×`,
  );
  console.log("latency ratio = service median / pg median (lower is better); throughput ratio = service / pg.");
  await db.$disconnect();
  await client.end();
}

await main();
