import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { TChatMessage, TPostSummary, TRoomEvent } from "@orgo/api-contract";
import { repoRoot } from "../../src/platform/config/config.js";
import { securityHeaders } from "../../src/platform/http/security-headers.js";
import { stackPrerequisiteProblem, startStack, type Stack } from "../../scripts/stack.js";
import { webDistDir } from "../helpers/browser.js";
import { hasRedisServer, ownRedis, postgresRelay } from "../helpers/faults.js";
import { subscribeRaw } from "../helpers/live-subscription.js";
import { freePort } from "../helpers/processes.js";
import { rawTrpc } from "../helpers/raw-trpc.js";
import { cookieFor } from "../helpers/sessions.js";
import { waitFor } from "../helpers/wait.js";

const problem =
  stackPrerequisiteProblem() ??
  (existsSync(path.join(webDistDir, "index.html")) ? null : "the client is not built") ??
  (hasRedisServer() ? null : "redis-server is not installed");
if (problem && process.env.CI === "true") throw new Error(`CI=true but the stack cannot run: ${problem}`);

const METRICS_TOKEN = "stack-test-metrics-token";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls an asynchronous condition (an HTTP answer) until it holds. */
async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  // A check that throws (a request that timed out) counts as "not yet".
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Each process's /readyz status; a request that hangs past 3 s reads as 0 (while a fault is injected, nothing may hang the test). */
const readiness = (urls: string[]) =>
  Promise.all(
    urls.map((url) =>
      fetch(`${url}/readyz`, { signal: AbortSignal.timeout(3_000) }).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );

/**
 * A chat tab as the tRPC client behaves: one websocket to the room's stream, which
 * reconnects whenever it is dropped (or told to: a process shutting down says
 * "reconnect") and resumes from the last event id it received.
 */
function resumingRoomTab(baseUrl: string, cookie: string, roomId: number, fromChangeSeq: number) {
  let lastEventId = String(fromChangeSeq);
  const received: { id: number; seq: number }[] = [];
  let socket: WebSocket | null = null;
  let closed = false;
  let started = false;
  let reconnects = 0;
  const open = () => {
    const ws = new WebSocket(`${baseUrl.replace("http", "ws")}/trpc`, { headers: { origin: baseUrl, cookie } });
    socket = ws;
    ws.on("error", () => undefined);
    ws.on("open", () =>
      ws.send(
        JSON.stringify({
          id: 1,
          method: "subscription",
          params: { path: "chat.onRoom", input: { json: { roomId, lastEventId } } },
        }),
      ),
    );
    ws.on("message", (data: Buffer) => {
      const text = data.toString("utf8");
      if (text === "PING") return ws.send("PONG");
      const frame = JSON.parse(text) as {
        method?: string;
        error?: unknown;
        result?: { type: string; id?: string; data?: { json: { data: TRoomEvent } } };
      };
      // A refusal while a part is away, or a process going down: reconnect and resume.
      if (frame.method === "reconnect" || frame.error) return ws.close();
      if (frame.result?.type === "started") started = true;
      const id = frame.result?.id;
      const event = frame.result?.data?.json.data;
      if (frame.result?.type === "data" && id && event?.kind === "message") {
        received.push({ id: Number(id), seq: event.message.seq });
        lastEventId = id;
      }
    });
    ws.on("close", () => {
      if (closed) return;
      reconnects++;
      setTimeout(open, 100 + Math.random() * 200);
    });
  };
  open();
  return {
    received,
    started: () => started,
    reconnects: () => reconnects,
    seqs: () => received.map((r) => r.seq),
    close() {
      closed = true;
      socket?.terminate();
    },
  };
}

/** The number a Prometheus gauge shows on one API process (read directly, never through nginx). */
async function gauge(apiUrl: string, name: string): Promise<number> {
  const text = await metricsOf(apiUrl);
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
}

/** One API process's Prometheus page (read directly, never through nginx). */
async function metricsOf(apiUrl: string): Promise<string> {
  return (await fetch(`${apiUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
}

/** How many waits for a pooled database connection took longer than `seconds` on one API process. */
async function poolWaitsOver(apiUrl: string, seconds: string): Promise<number> {
  const text = await metricsOf(apiUrl);
  const value = (line: string) =>
    Number(
      text
        .split("\n")
        .find((l) => l.startsWith(`${line} `))
        ?.split(" ")[1] ?? NaN,
    );
  return value("orgo_db_pool_wait_seconds_count") - value(`orgo_db_pool_wait_seconds_bucket{le="${seconds}"}`);
}

/**
 * The production shape on one machine, as `npm run stack` runs it: nginx serving the
 * built client and proxying to two compiled API processes that share PostgreSQL (here
 * through a relay the test can cut), Redis (the test's own, which it restarts) and
 * one upload folder. Then the faults a deployment meets.
 */
describe.skipIf(problem)("the production stack: nginx in front of two compiled API processes", () => {
  let fresh: FreshDatabase;
  let relay: Awaited<ReturnType<typeof postgresRelay>>;
  let redis: Awaited<ReturnType<typeof ownRedis>>;
  let stack: Stack;
  let uploadDir: string;
  const tabs: { close(): void }[] = [];
  const sockets: WebSocket[] = [];
  const ids: Record<string, string> = {};
  let sara: string;
  let room: number;
  // Every call with a deadline: a request a fault leaves hanging is retried, not waited on forever.
  const api = (cookie?: string) => rawTrpc(stack.url, { ...(cookie ? { cookie } : {}), timeoutMs: 10_000 });
  const data = <T>(answer: { status: number; body: unknown; text: string }): T => {
    expect(answer.status, answer.text).toBe(200);
    return (answer.body as { result: { data: { json: T } } }).result.data.json;
  };
  /** The room's change number now: tabs opened with it miss nothing after. */
  const headChangeSeq = async () =>
    data<{ headChangeSeq: number }>(await api(sara).query("chat.history", { roomId: room })).headChangeSeq;
  const seqNow = async () => (await fresh.db.chatRoom.findUniqueOrThrow({ where: { id: room } })).messageSeq;

  /** Every refused send's answer (status, app code, request id), said when a test fails on one. */
  const refusals: string[] = [];
  /** Sends one message through nginx as a careful client does: the same client id on every retry. */
  async function sendRetrying(body: string, statuses: number[]): Promise<TChatMessage> {
    const clientId = randomUUID();
    for (let attempt = 0; attempt < 60; attempt++) {
      const answer = await api(sara)
        .mutate("chat.send", { roomId: room, clientId, body })
        .catch(() => ({ status: 0, body: null, text: "network error" }));
      if (answer.status === 200) return data<TChatMessage>(answer);
      statuses.push(answer.status);
      refusals.push(`${new Date().toISOString()} ${answer.status} ${answer.text.slice(0, 300)}`);
      await sleep(250);
    }
    throw new Error(`"${body}" was never accepted: ${statuses.join(", ")}`);
  }

  beforeAll(async () => {
    fresh = await freshDatabase();
    const database = new URL(fresh.url);
    relay = await postgresRelay({ host: database.hostname, port: Number(database.port || 5432) });
    database.hostname = "127.0.0.1";
    database.port = String(relay.port);
    redis = await ownRedis();
    uploadDir = mkdtempSync(path.join(tmpdir(), "orgo-stack-uploads-"));
    stack = await startStack({
      port: await freePort(),
      apiPorts: [await freePort(), await freePort()],
      databaseUrl: database.toString(),
      redisUrl: redis.url,
      uploadDir,
      output: "capture",
      env: {
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        SEED_DEMO_DATA: "true",
        METRICS_TOKEN,
        // Two hundred tabs from one address and a few sessions, sending fast, on purpose.
        WS_MAX_SOCKETS_PER_IP: "1000",
        CHAT_SENDS_PER_10S: "100000",
        // A killed process's people go offline within seconds here (30 s by default).
        PRESENCE_TTL_MS: "3000",
        SHUTDOWN_TIMEOUT_MS: "5000",
      },
    });
    for (const handle of ["jiwoo", "sara_k"]) {
      ids[handle] = (await fresh.db.user.findUniqueOrThrow({ where: { handle } })).id;
    }
    sara = await cookieFor(fresh.db, "sara_k");
    // Sara and Jiwoo follow each other in the demo data: their room.
    room = data<{ id: number }>(await api(sara).mutate("chat.openDirect", { userId: ids.jiwoo })).id;
  });
  afterEach(() => {
    for (const tab of tabs.splice(0)) tab.close();
    for (const socket of sockets.splice(0)) socket.terminate();
  });
  afterAll(async () => {
    // What nginx and the processes said, for whoever reads a failure.
    mkdirSync(path.join(repoRoot, "test-results"), { recursive: true });
    if (stack) writeFileSync(path.join(repoRoot, "test-results", "stack-output.log"), stack.output());
    await stack?.stop();
    await redis?.stop();
    relay?.close();
    await fresh?.drop();
    if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
  });

  it("serves the client precompressed with the API's own security headers, and keeps /metrics and source maps private", async () => {
    const page = await fetch(`${stack.url}/studies`, { headers: { "accept-encoding": "br" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("server")).toBe("nginx");
    expect(page.headers.get("content-encoding")).toBe("br");
    const html = await page.text();
    const script = /\/assets\/[^"]+\.js/.exec(html)![0];
    const asset = await fetch(`${stack.url}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    // What nginx serves from disk and what the API answers carry the same headers, once.
    const fromApi = await fetch(`${stack.apis[0]!.url}/studies`);
    const proxied = await fetch(`${stack.url}/readyz`);
    for (const [name] of securityHeaders({ https: false })) {
      expect(page.headers.get(name), name).toBe(fromApi.headers.get(name));
      expect(asset.headers.get(name), name).toBe(fromApi.headers.get(name));
      expect(proxied.headers.get(name), name).toBe(fromApi.headers.get(name));
    }
    expect((await fetch(`${stack.url}${script}.map`)).status).toBe(404);
    const metrics = await fetch(`${stack.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(await metrics.text()).not.toContain("orgo_");
  });

  it("carries a chat message and a new post from one process to the other, through nginx", async () => {
    const jiwoo = await cookieFor(fresh.db, "jiwoo");
    const from = await headChangeSeq();
    // Tabs until both processes hold at least one (nginx sends each to the less busy one).
    const streams: ReturnType<typeof resumingRoomTab>[] = [];
    const posts: ReturnType<typeof subscribeRaw<TPostSummary>>[] = [];
    const socketsOn = () => Promise.all(stack.apis.map((p) => gauge(p.url, "orgo_websockets_open")));
    while (streams.length < 8) {
      const tab = resumingRoomTab(stack.url, jiwoo, room, from);
      tabs.push(tab);
      streams.push(tab);
      posts.push(subscribeRaw<TPostSummary>(stack.url, null, "post.onCreated", {}, sockets));
      await waitFor(() => tab.started(), "a tab subscribed");
      if ((await socketsOn()).every((open) => open >= 2)) break;
    }
    expect((await socketsOn()).every((open) => open >= 2)).toBe(true);
    await waitFor(() => posts.every((p) => p.started()), "post streams started");

    const sent = await sendRetrying("through nginx", []);
    await waitFor(() => streams.every((tab) => tab.seqs().includes(sent.seq)), "the message on both processes");
    const post = data<{ id: number }>(
      await api(sara).mutate("post.create", { title: "Across the stack", body: "Hello", imageIds: [] }),
    );
    await waitFor(() => posts.every((p) => p.events().some((e) => e.id === post.id)), "the post on both processes");
  });

  it("survives a rolling restart: 200 tabs end with every message once and in order, and no send is lost", async () => {
    const from = await headChangeSeq();
    const s0 = await seqNow();
    const cookies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => cookieFor(fresh.db, i % 2 === 0 ? "jiwoo" : "sara_k")),
    );
    const crowd = cookies.map((cookie) => resumingRoomTab(stack.url, cookie, room, from));
    tabs.push(...crowd);
    await waitFor(() => crowd.every((tab) => tab.started()), "200 tabs subscribed", 30_000);

    const statuses: number[] = [];
    let sending = true;
    let sentCount = 0;
    const sender = (async () => {
      while (sending) {
        await sendRetrying(`rolling ${sentCount + 1}`, statuses);
        sentCount++;
        await sleep(50);
      }
    })();
    await sleep(1_000);
    for (const index of [0, 1]) {
      // SIGTERM: the process stops accepting, tells its sockets to reconnect, finishes what it has.
      expect(await stack.stopApi(index)).toBe(0);
      await sleep(500);
      await stack.startApi(index);
      await sleep(1_000);
    }
    sending = false;
    await sender;

    const expected = Array.from({ length: sentCount }, (_, i) => s0 + i + 1);
    expect(await seqNow()).toBe(s0 + sentCount);
    await waitFor(() => crowd.every((tab) => tab.received.length >= sentCount), "every tab caught up", 30_000);
    for (const tab of crowd) {
      expect(tab.seqs()).toEqual(expected);
      // Event ids strictly increase: nothing twice, nothing out of order.
      expect(tab.received.every((r, i) => i === 0 || r.id > tab.received[i - 1]!.id)).toBe(true);
    }
    // Every tab was moved at least once (each process went down once).
    expect(crowd.filter((tab) => tab.reconnects() > 0).length).toBe(200);
    // nginx sends each request to a process that is up; the only failures allowed are
    // keep-alive races, retried with the same client id (which stores nothing twice:
    // the tabs' sequences above prove it): nginx's with a process that is draining
    // (502), and the test client's own with nginx (a reused connection nginx had just
    // closed: a network error, 0 here — seen once in a fresh-clone CI run).
    // A refusal from the API says why, with its request id (the processes' log has the rest).
    expect(
      statuses.filter((status) => status !== 502 && status !== 0),
      refusals.join("\n"),
    ).toEqual([]);
    // Waits for a pooled connection since each process restarted: process 0's are the
    // storm of all 200 tabs moving onto it (a wait of 5 s would have been a 503).
    const slowWaits = await Promise.all(stack.apis.map((api) => poolWaitsOver(api.url, "0.1")));
    console.log(
      `rolling restart: ${sentCount} messages to 200 tabs; the sender retried ${statuses.length} times (${[...new Set(statuses)].join(", ") || "none"}); pool waits over 0.1 s per process: ${slowWaits.join(", ")}`,
    );
  }, 120_000);

  it("rides out a Redis restart: readiness says not ready, then delivery resumes and the gap is filled", async () => {
    const from = await headChangeSeq();
    const s0 = await seqNow();
    const crowd = await Promise.all(
      Array.from({ length: 20 }, async () =>
        resumingRoomTab(stack.url, await cookieFor(fresh.db, "jiwoo"), room, from),
      ),
    );
    tabs.push(...crowd);
    await waitFor(() => crowd.every((tab) => tab.started()), "tabs subscribed");
    await sendRetrying("before", []);

    await redis.stop();
    const statuses: number[] = [];
    try {
      await waitUntil(
        async () => (await readiness(stack.apis.map((p) => p.url))).every((status) => status === 503),
        "both processes not ready",
        10_000,
      );
      // Writes still work while Redis is away (rate limits count per process); their
      // events are lost. A retry is allowed only for the test client's own keep-alive
      // race with nginx (a network error, as in the rolling restart above; seen once per
      // send in a loaded fresh-clone CI run), never for an answer from the API.
      for (let i = 1; i <= 5; i++) await sendRetrying(`while away ${i}`, statuses);
    } finally {
      // Back whatever happened above: the tests after this one need it.
      await redis.start();
    }
    expect(
      statuses.filter((status) => status !== 0),
      refusals.join("\n"),
    ).toEqual([]);

    await waitUntil(
      async () => (await readiness(stack.apis.map((p) => p.url))).every((status) => status === 200),
      "both processes ready again",
      15_000,
    );
    // Nobody sends anything more: the comeback itself fills the gap from the database.
    const expected = Array.from({ length: 6 }, (_, i) => s0 + i + 1);
    await waitFor(() => crowd.every((tab) => tab.seqs().length === 6), "the gap filled", 10_000);
    for (const tab of crowd) expect(tab.seqs()).toEqual(expected);
    const after = await sendRetrying("after", []);
    await waitFor(() => crowd.every((tab) => tab.seqs().at(-1) === after.seq), "live again");
    for (const tab of crowd) expect(tab.seqs()).toEqual([...expected, after.seq]);
  }, 60_000);

  it("answers 503 with a request id, fast, while PostgreSQL is unreachable for 10 s, and recovers by itself", async () => {
    const from = await headChangeSeq();
    const tab = resumingRoomTab(stack.url, await cookieFor(fresh.db, "jiwoo"), room, from);
    tabs.push(tab);
    await waitFor(() => tab.started(), "a tab subscribed");

    relay.down();
    const downAt = Date.now();
    const answers: { status: number; appCode?: string; requestId?: string | null; ms: number }[] = [];
    while (Date.now() - downAt < 10_000) {
      for (const call of [
        () => api().query("post.feed", { tab: "latest" }),
        () => api(sara).query("chat.inbox"),
        () => api(sara).mutate("chat.send", { roomId: room, clientId: randomUUID(), body: "lost?" }),
      ]) {
        const started = Date.now();
        const answer = await call();
        const error = (answer.body as { error?: { json: { data: { appCode: string; requestId: string | null } } } })
          .error?.json.data;
        answers.push({
          status: answer.status,
          appCode: error?.appCode,
          requestId: error?.requestId,
          ms: Date.now() - started,
        });
      }
      expect((await fetch(`${stack.url}/readyz`)).status).toBe(503);
      await sleep(500);
    }
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 503, appCode: "UNAVAILABLE" });
      // nginx's $request_id, passed on to the API and logged there with the failure.
      expect(answer.requestId).toMatch(/^[0-9a-f]{32}$/);
      // Fails fast: no request waits for the database to come back.
      expect(answer.ms).toBeLessThan(6_000);
    }
    expect(stack.apis.every((p) => p.child.exitCode === null)).toBe(true);
    await relay.up();

    await waitUntil(
      async () => (await api().query("post.feed", { tab: "latest" })).status === 200,
      "recovered",
      15_000,
    );
    const sent = await sendRetrying("after the outage", []);
    await waitFor(() => tab.seqs().includes(sent.seq), "live delivery after the outage", 10_000);
    expect(tab.seqs()).toEqual([sent.seq]);
    // Nothing half-done: no message was stored while the database was away.
    expect(await fresh.db.chatMessage.count({ where: { roomId: room, body: "lost?" } })).toBe(0);
  }, 60_000);

  it("takes a SIGKILLed process's people offline within the presence TTL, and loses nothing else", async () => {
    const jiwoo = await cookieFor(fresh.db, "jiwoo");
    // Jiwoo watches on process 1 (through nginx the watcher could land on the doomed one).
    const watcher = subscribeRaw<{ userId: string; state: string }>(
      stack.apis[0]!.url,
      jiwoo,
      "presence.watch",
      { userIds: [ids.sara_k] },
      sockets,
      stack.url,
    );
    const stateOfSara = () =>
      watcher
        .events()
        .filter((e) => e.userId === ids.sara_k)
        .at(-1)?.state;
    await waitFor(() => stateOfSara() === "offline", "Sara offline at first");
    // Sara's tab, straight on process 2 (through nginx it could land on either).
    const tab = new WebSocket(`${stack.apis[1]!.url.replace("http", "ws")}/trpc`, {
      headers: { origin: stack.url, cookie: sara },
    });
    tab.on("error", () => undefined);
    sockets.push(tab);
    await waitFor(() => stateOfSara() === "online", "Sara online");
    await stack.stopApi(1, "SIGKILL");
    const killedAt = Date.now();
    await waitFor(() => stateOfSara() === "offline", "Sara offline after the kill", 15_000);
    // TTL (3 s here) and half of it for the next look: 45 s at the default 30 s TTL.
    expect(Date.now() - killedAt).toBeLessThan(6_000);

    // Through nginx everything still works on the survivor; the killed one comes back.
    const from = await headChangeSeq();
    const survivorTab = resumingRoomTab(stack.url, jiwoo, room, from);
    tabs.push(survivorTab);
    await waitFor(() => survivorTab.started(), "a tab on the survivor");
    const sent = await sendRetrying("after the kill", []);
    await waitFor(() => survivorTab.seqs().includes(sent.seq), "delivered");
    await stack.startApi(1);
  }, 60_000);
});
