/**
 * Live-layer benchmark: what one subscribed websocket costs the API, and how fast a
 * new post reaches every subscriber, beside a raw `ws` server holding the same
 * number of sockets and relaying the same frame, in the same run (the machine is
 * shared and noisy: the ratios are what count).
 *
 *   npm run bench:live     (BENCH_SOCKETS, default 3000; BENCH_ROUNDS, default 5;
 *                           PostgreSQL: BENCH_DATABASE_URL, else 127.0.0.1:5432)
 *
 * Both servers run as child processes (bench/servers.ts); memory is their heap after a
 * full collection, before and after the sockets connect and subscribe, divided by the
 * number of sockets.
 */
import path from "node:path";
import WebSocket from "ws";
import { applyMigrations, createDb, ensureDatabase, seedDemoData, withDatabase } from "@orgo/db";
import { percentile, repoRoot, sleep, startApi, startProbed, type ProbedServer } from "./servers.js";

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM_UP = 50;
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseUrl = withDatabase(server, "orgo_bench_live");

/** Opens `count` sockets in batches (a burst of thousands would only measure the accept queue). */
async function openSockets(url: string, origin: string, count: number, onOpen: (ws: WebSocket) => void) {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - i) }, async () => {
        const ws = new WebSocket(url, { headers: { origin } });
        sockets.push(ws);
        await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
        onOpen(ws);
      }),
    );
  }
  return sockets;
}

interface Side {
  name: string;
  kibPerSocket: number;
  latencies: number[];
  /** The last delivery of each round: a round slower than the others shows here. */
  roundMax: number[];
}

async function measure(
  name: string,
  subject: ProbedServer,
  open: (count: number) => Promise<WebSocket[]>,
  fire: () => Promise<void>,
  isEvent: (text: string) => boolean,
): Promise<Side> {
  // Warm up first: the first subscriptions load what every later one shares (the
  // database client's query schema, compiled code), which is no socket's cost. Then
  // every socket connects once and leaves: V8 optimises what thousands of connections
  // make hot while they connect, and that machine code is no socket's cost either
  // (the same as bench:chat)…
  const warm = await open(WARM_UP);
  await sleep(500);
  for (const ws of warm) ws.terminate();
  await sleep(1000);
  // …and one event reaches them all before they leave: the first fan-out of a process
  // runs its path cold (275 ms against 92–127 for the next four, raw 111 against 81),
  // which is a deploy's first post, not what each post costs.
  const passing = await open(SOCKETS);
  await sleep(500);
  await fire();
  await sleep(1000);
  for (const ws of passing) ws.terminate();
  await sleep(2000);
  const before = await subject.heapKiB();
  const sockets = await open(SOCKETS);
  await sleep(2000);
  const after = await subject.heapKiB();
  const latencies: number[] = [];
  const roundMax: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const firstOfRound = latencies.length;
    let received = 0;
    let started = 0;
    const done = new Promise<void>((resolve) => {
      for (const ws of sockets) {
        const listener = (data: Buffer) => {
          if (!isEvent(data.toString("utf8"))) return;
          ws.off("message", listener);
          latencies.push(performance.now() - started);
          if (++received === sockets.length) resolve();
        };
        ws.on("message", listener);
      }
    });
    started = performance.now();
    await fire();
    await Promise.race([done, sleep(30_000)]);
    roundMax.push(Math.max(...latencies.slice(firstOfRound)));
    await sleep(300);
  }
  for (const ws of sockets) ws.terminate();
  return { name, kibPerSocket: (after - before) / SOCKETS, latencies: latencies.sort((a, b) => a - b), roundMax };
}

await ensureDatabase(databaseUrl);
await applyMigrations(databaseUrl);
const db = createDb({ connectionString: databaseUrl, maxConnections: 2 });
await seedDemoData(db);
const api = await startApi("api", { DATABASE_URL: databaseUrl, WS_MAX_SOCKETS_PER_IP: String(SOCKETS * 2) });
const raw = await startProbed("raw", path.join(repoRoot, "bench"), ["raw-ws-server.mjs"], {}, "/ready");

// A signed-in author for the posts, by a session row written directly.
const { createSessionService } = await import("../apps/api/src/platform/sessions/session.service.js");
const author = await db.user.findUniqueOrThrow({ where: { handle: "demo" } });
const { token } = await createSessionService({ db }).create(author.id);
const samplePost = await db.post.findFirstOrThrow({ include: { author: true } });

const subscribe = (ws: WebSocket) =>
  ws.send(JSON.stringify({ id: 1, method: "subscription", params: { path: "post.onCreated", input: { json: {} } } }));
const createPost = async () => {
  await fetch(`${api.url}/trpc/post.create`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: api.url, cookie: `orgo_session=${token}` },
    body: JSON.stringify({ json: { title: samplePost.title, body: samplePost.body } }),
  });
};

/**
 * How long SOCKETS subscriptions take to go live (every one answered "started"), and
 * how long a post.create waits while they do: the issue measured 15 s and 7.6 s when
 * each subscription scanned the Post table for its newest id.
 */
async function goLive(): Promise<{ liveMs: number; createMs: number }> {
  const started = performance.now();
  const live: Promise<void>[] = [];
  const creating: Promise<number>[] = [];
  const sockets = await openSockets(`${api.url.replace("http", "ws")}/trpc`, api.url, SOCKETS, (ws) => {
    live.push(
      new Promise<void>((resolve) => {
        const listener = (data: Buffer) => {
          if (!data.toString("utf8").includes('"type":"started"')) return;
          ws.off("message", listener);
          resolve();
        };
        ws.on("message", listener);
      }),
    );
    subscribe(ws);
    // Sent once the first batch is subscribing, while thousands more follow.
    if (live.length === 200) {
      const createStarted = performance.now();
      creating.push(createPost().then(() => performance.now() - createStarted));
    }
  });
  await Promise.all(live);
  const liveMs = performance.now() - started;
  const [createMs = NaN] = await Promise.all(creating);
  for (const ws of sockets) ws.terminate();
  await sleep(1000);
  return { liveMs, createMs };
}

try {
  const trpc = await measure(
    "tRPC post.onCreated",
    api,
    (count) => openSockets(`${api.url.replace("http", "ws")}/trpc`, api.url, count, subscribe),
    createPost,
    (text) => text.includes('"type":"data"'),
  );
  const wentLive = await goLive();
  const baseline = await measure(
    "raw ws",
    raw,
    (count) => openSockets(raw.url.replace("http", "ws"), raw.url, count, () => undefined),
    async () => {
      await fetch(`${raw.url}/broadcast`, { method: "POST", body: JSON.stringify(samplePost) });
    },
    (text) => text.includes('"type":"data"'),
  );

  console.log(`\n${SOCKETS} sockets, ${ROUNDS} posts each`);
  // The first delivery is how long the event took to start fanning out (post.create's
  // own work, for tRPC); the rest is the fan-out.
  console.log("side                   KiB/socket    min ms    p50 ms    p99 ms    max ms");
  for (const side of [trpc, baseline]) {
    const l = side.latencies;
    console.log(
      `${side.name.padEnd(22)} ${side.kibPerSocket.toFixed(1).padStart(10)} ${l[0]!.toFixed(1).padStart(9)} ${percentile(l, 0.5).toFixed(1).padStart(9)} ${percentile(l, 0.99).toFixed(1).padStart(9)} ${l.at(-1)!.toFixed(1).padStart(9)}`,
    );
  }
  for (const side of [trpc, baseline]) {
    console.log(`${side.name}: last delivery of each round ${side.roundMax.map((ms) => ms.toFixed(0)).join(", ")} ms`);
  }
  console.log(
    `${SOCKETS} tRPC subscriptions live in ${wentLive.liveMs.toFixed(0)} ms; a post.create sent meanwhile answered in ${wentLive.createMs.toFixed(0)} ms`,
  );
  console.log(
    `ratios (tRPC / raw): memory ${(trpc.kibPerSocket / baseline.kibPerSocket).toFixed(1)}×, p99 ${(percentile(trpc.latencies, 0.99) / percentile(baseline.latencies, 0.99)).toFixed(1)}×`,
  );
} finally {
  await db.$disconnect();
  await Promise.all([api.stop(), raw.stop()]);
}
