/**
 * Reconnect-storm benchmark: after a deploy every tab of a process reconnects at
 * once. BENCH_TABS signed-in chat tabs open their websocket together and subscribe
 * as apps/web does on the chat page (notifications, the inbox, the open room resumed
 * from its last change, the presence of the people shown); the time until the last
 * subscription has started (and, for OrGo, the stream has read where it stands) is
 * compared with a raw `ws` + `pg` server doing the same database checks with the
 * fewest round trips (bench/raw-storm-server.mjs), in alternating rounds of one run
 * (the machine is shared and noisy: the ratio is what counts).
 *
 *   npm run bench:storm   (BENCH_TABS 1000, BENCH_ROUNDS 5;
 *                          PostgreSQL: BENCH_DATABASE_URL, else 127.0.0.1:5432;
 *                          Redis: BENCH_REDIS_URL, else 127.0.0.1:6379)
 *
 * Prints, per side, the median time with its range over the rounds, the database
 * statements per tab (OrGo's from pg_stat_statements when available, else its
 * metrics), and the ratio of the medians.
 */
import path from "node:path";
import WebSocket from "ws";
import { seedChatPeople, type Person } from "./chat-people.js";
import { repoRoot, sleep, startApi, startProbed, type ProbedServer } from "./servers.js";

const TABS = Number(process.env.BENCH_TABS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const METRICS_TOKEN = "bench-storm-metrics-token";

/** The subscriptions of one chat tab, as apps/web holds them (a reconnect resumes where it was). */
const subscriptionsOf = (person: Person) => [
  { path: "notification.onChange", input: {}, lastEventId: "0" },
  { path: "chat.onInbox", input: undefined, lastEventId: undefined },
  { path: "chat.onRoom", input: { roomId: person.pairRoom }, lastEventId: "0" },
  { path: "presence.watch", input: { userIds: [person.partnerId] }, lastEventId: undefined },
];

interface Round {
  ms: number;
  errors: number;
}

/** Every tab at once; resolves when each subscription of each tab has started (or failed). */
async function storm(url: string, people: Person[]): Promise<{ round: Round; sockets: WebSocket[] }> {
  const expected = people.length * 4;
  let answered = 0;
  let errors = 0;
  /** Subscriptions not yet answered, by path: what a storm that does not finish is waiting for. */
  const waiting = new Map<string, number>();
  const started = performance.now();
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  const sockets = people.map((person) => {
    const ws = new WebSocket(`${url.replace("http", "ws")}/trpc`, { headers: { origin: url, cookie: person.cookie } });
    ws.on("message", (data: Buffer) => {
      const text = data.toString("utf8");
      if (text === "PING") return ws.send("PONG");
      const frame = JSON.parse(text) as { id: number | null; error?: unknown; result?: { type: string } };
      if (frame.id === null || !(frame.error !== undefined || frame.result?.type === "started")) return;
      if (frame.error !== undefined && ++errors <= 3) console.error("refused:", text.slice(0, 300));
      const path = subscriptionsOf(person)[frame.id - 1]!.path;
      waiting.set(path, (waiting.get(path) ?? 0) - 1);
      if (++answered === expected) done();
    });
    ws.on("error", () => {
      errors++;
      answered += 4;
      if (answered >= expected) done();
    });
    ws.once("open", () => {
      subscriptionsOf(person).forEach(({ path, input, lastEventId }, index) => {
        waiting.set(path, (waiting.get(path) ?? 0) + 1);
        ws.send(
          JSON.stringify({
            id: index + 1,
            method: "subscription",
            params: { path, input: input === undefined ? {} : { json: input }, lastEventId },
          }),
        );
      });
    });
    return ws;
  });
  const timeout = setTimeout(() => {
    console.error(`  after 60 s, still waiting: ${JSON.stringify(Object.fromEntries(waiting))}`);
    done();
  }, 60_000);
  await all;
  clearTimeout(timeout);
  return { round: { ms: performance.now() - started, errors }, sockets };
}

async function round(side: ProbedServer, people: Person[]): Promise<Round> {
  const { round, sockets } = await storm(side.url, people);
  for (const ws of sockets) ws.terminate();
  // Let the server see every close before the next storm.
  await sleep(3000);
  return round;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

async function statementCount(api: ProbedServer): Promise<number> {
  const text = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) =>
    r.text(),
  );
  const line = text.split("\n").find((l) => l.startsWith("orgo_db_statement_duration_seconds_count"));
  return line ? Number(line.split(" ").at(-1)) : NaN;
}

const { people, databaseUrl } = await seedChatPeople({ server, name: "orgo_bench_storm", users: TABS, studySize: 20 });
const orgo = await startApi("api", {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  SEED_DEMO_DATA: "false",
  WS_MAX_SOCKETS_PER_IP: String(TABS * 2),
  METRICS_TOKEN,
  // Statements wait on a machine this busy; a warning for each would be the whole output.
  SLOW_QUERY_MS: "0",
});
const raw = await startProbed(
  "raw",
  path.join(repoRoot, "bench"),
  ["raw-storm-server.mjs"],
  { DATABASE_URL: databaseUrl },
  "/ready",
);
try {
  console.log(`\n${TABS} signed-in chat tabs reconnect at once, 4 subscriptions each; ${ROUNDS} rounds per side`);
  // A first storm on each side compiles what every later one runs.
  await round(orgo, people);
  await round(raw, people);
  const times = { orgo: [] as number[], raw: [] as number[] };
  let orgoErrors = 0;
  let orgoStatements = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate which goes first, so neither always meets a quieter machine.
    for (const which of i % 2 === 0 ? (["raw", "orgo"] as const) : (["orgo", "raw"] as const)) {
      const before = which === "orgo" ? await statementCount(orgo) : 0;
      const result = await round(which === "orgo" ? orgo : raw, people);
      if (which === "orgo") {
        orgoErrors += result.errors;
        orgoStatements += (await statementCount(orgo)) - before;
      }
      times[which].push(result.ms);
      console.log(
        `  round ${i + 1} ${which.padEnd(4)} ${result.ms.toFixed(0)} ms${result.errors ? `, ${result.errors} refused` : ""}`,
      );
    }
  }
  const ratios = times.orgo.map((t, i) => t / times.raw[i]!);
  console.log("\nside         median ms   range ms");
  console.log(`OrGo          ${median(times.orgo).toFixed(0).padStart(8)}   ${range(times.orgo)}`);
  console.log(`raw ws + pg   ${median(times.raw).toFixed(0).padStart(8)}   ${range(times.raw)}`);
  console.log(
    `ratio (OrGo / raw): ${(median(times.orgo) / median(times.raw)).toFixed(1)}× ` +
      `(per-round ratios ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}×)`,
  );
  console.log(
    `OrGo database statements per tab: ${(orgoStatements / (ROUNDS * TABS)).toFixed(1)} ` +
      `(raw: 1 for the session + 3 for the subscriptions that read)` +
      (orgoErrors ? `; ${orgoErrors} subscriptions refused` : ""),
  );
} finally {
  await Promise.all([orgo.stop(), raw.stop()]);
}
