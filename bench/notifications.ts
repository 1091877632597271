/**
 * Notification delivery benchmark: two API processes sharing PostgreSQL and Redis.
 * B's tab holds `notification.onChange` on process 2; 20 people comment on B's post
 * through process 1, BENCH_INFLIGHT at a time, BENCH_NOTIFICATIONS comments in all
 * (each is a new notification of B's). For each one it measures, in the same run:
 *
 *   delivery — from the comment's request leaving the actor to the notification's
 *              frame arriving in B's tab on the other process;
 *   baseline — from the same request leaving to the actor's own answer arriving.
 *
 * The ratio says how much later B hears of it than A hears "done" (the machine is
 * shared and noisy: the ratio is what counts). Also: notifications lost, duplicated,
 * and whether each carried the unread count as of it.
 *
 *   npm run bench:notifications   (BENCH_NOTIFICATIONS 1000, BENCH_INFLIGHT 8;
 *                                   PostgreSQL: BENCH_DATABASE_URL, else 127.0.0.1:5432;
 *                                   Redis: BENCH_REDIS_URL, else 127.0.0.1:6379)
 */
import pg from "pg";
import WebSocket from "ws";
import { createDb, withDatabase } from "@orgo/db";
import { freshBenchDatabase, percentile, sleep, startApi } from "./servers.js";

const TOTAL = Number(process.env.BENCH_NOTIFICATIONS ?? 1000);
const INFLIGHT = Number(process.env.BENCH_INFLIGHT ?? 8);
const ACTORS = 20;
const WARM_UP = 50;

const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseUrl = withDatabase(server, "orgo_bench_notify");
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

async function seed() {
  await freshBenchDatabase(server, "orgo_bench_notify");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const users = await client.query<{ id: string; i: number }>(
    `insert into "User" (id, handle, "displayName")
     select gen_random_uuid(), 'bench' || i, 'Bench ' || i from generate_series(0, $1) i
     returning id, substr(handle, 6)::int as i`,
    [ACTORS],
  );
  const ids = users.rows.sort((a, b) => a.i - b.i).map((r) => r.id);
  const post = await client.query<{ id: number }>(
    `insert into "Post" ("authorId", title, body) values ($1, 'Benchmark', 'Comment here') returning id`,
    [ids[0]],
  );
  await client.end();
  const db = createDb({ connectionString: databaseUrl, maxConnections: 4 });
  const { createSessionService } = await import("../apps/api/src/platform/sessions/session.service.js");
  const sessions = createSessionService({ db });
  const cookies = await Promise.all(ids.map(async (id) => `orgo_session=${(await sessions.create(id)).token}`));
  await db.$disconnect();
  return { recipient: cookies[0]!, actors: cookies.slice(1), postId: post.rows[0]!.id };
}

interface Frame {
  result?: { type: string; data?: { json: { data?: Change } | Change } };
}
interface Change {
  kind: string;
  notification?: { commentId: number | null };
  unreadCount?: number;
}

/** B's tab: resolves once subscribed; `arrived` maps a comment id to when its notification came. */
async function recipientTab(url: string, cookie: string) {
  const arrived = new Map<number, number>();
  let duplicated = 0;
  let lastUnread = 0;
  let unreadWentDown = 0;
  const socket = new WebSocket(`${url.replace("http", "ws")}/trpc`, { headers: { origin: url, cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.on("error", reject);
    socket.on("open", () =>
      socket.send(
        JSON.stringify({
          id: 1,
          method: "subscription",
          params: { path: "notification.onChange", input: { json: {} } },
        }),
      ),
    );
    socket.on("message", (data: Buffer) => {
      const at = performance.now();
      const text = data.toString("utf8");
      if (text === "PING" || text === "PONG") return;
      const frame = JSON.parse(text) as Frame;
      if (frame.result?.type === "started") return resolve();
      const json = frame.result?.data?.json;
      const change = json && "data" in json ? json.data : (json as Change | undefined);
      const commentId = change?.notification?.commentId;
      if (change?.kind !== "changed" || !commentId) return;
      if (arrived.has(commentId)) duplicated++;
      else arrived.set(commentId, at);
      if ((change.unreadCount ?? 0) < lastUnread) unreadWentDown++;
      lastUnread = change.unreadCount ?? 0;
    });
  });
  return { arrived, duplicated: () => duplicated, unreadWentDown: () => unreadWentDown, close: () => socket.close() };
}

async function comment(url: string, cookie: string, postId: number, body: string) {
  const sentAt = performance.now();
  const response = await fetch(`${url}/trpc/comment.create`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, cookie },
    body: JSON.stringify({ json: { postId, body } }),
  });
  const answeredAt = performance.now();
  const text = await response.text();
  if (!response.ok) throw new Error(`comment.create ${response.status}: ${text}`);
  const id = (JSON.parse(text) as { result: { data: { json: { id: number } } } }).result.data.json.id;
  return { id, sentAt, answeredAt };
}

async function run(count: number, send: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: INFLIGHT }, async () => {
      while (next < count) await send(next++);
    }),
  );
}

const { recipient, actors, postId } = await seed();
const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
const [p1, p2] = await Promise.all([startApi("notify-1", env), startApi("notify-2", env)]);
try {
  const tab = await recipientTab(p2.url, recipient);
  // Warm-up (compiles the paths on both processes), not timed.
  await run(WARM_UP, async (i) => void (await comment(p1.url, actors[i % ACTORS]!, postId, `warm ${i}`)));
  await sleep(500);

  const timed: { id: number; sentAt: number; answeredAt: number }[] = [];
  const started = performance.now();
  await run(TOTAL, async (i) => void timed.push(await comment(p1.url, actors[i % ACTORS]!, postId, `comment ${i}`)));
  const seconds = (performance.now() - started) / 1000;
  for (let i = 0; i < 50 && timed.some((t) => !tab.arrived.has(t.id)); i++) await sleep(100);
  tab.close();

  const delivery = timed.flatMap((t) => (tab.arrived.has(t.id) ? [tab.arrived.get(t.id)! - t.sentAt] : []));
  const baseline = timed.map((t) => t.answeredAt - t.sentAt);
  delivery.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const row = (name: string, xs: number[]) =>
    `${name.padEnd(44)} p50 ${ms(percentile(xs, 0.5)).padStart(9)}   p99 ${ms(percentile(xs, 0.99)).padStart(9)}   max ${ms(xs.at(-1) ?? NaN).padStart(9)}`;
  console.log(
    `\n${TOTAL} notifications (${INFLIGHT} comments in flight, ${(TOTAL / seconds).toFixed(0)}/s), process 1 → process 2`,
  );
  console.log(row("delivery: request sent → B's tab (process 2)", delivery));
  console.log(row("baseline: request sent → actor's own answer", baseline));
  console.log(
    `ratio (delivery / baseline): p50 ${(percentile(delivery, 0.5) / percentile(baseline, 0.5)).toFixed(2)}×, p99 ${(percentile(delivery, 0.99) / percentile(baseline, 0.99)).toFixed(2)}×`,
  );
  console.log(
    `lost ${timed.length - delivery.length}, duplicated ${tab.duplicated()}, unread count going backwards ${tab.unreadWentDown()}`,
  );
} finally {
  await Promise.all([p1.stop(), p2.stop()]);
}
process.exit(0);
