import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { startTestApp } from "../helpers/app.js";
import { redisUrlForTests } from "../helpers/redis.js";
import { rawTrpc } from "../helpers/raw-trpc.js";
import { cookieFor } from "../helpers/sessions.js";
import { waitFor } from "../helpers/wait.js";

const redisUrl = await redisUrlForTests();
const TOKEN = "metrics-token-for-tests-0123456789";

/** A sample's value in Prometheus text: `name{labels} value`. */
function sample(text: string, name: string, labels = ""): number | null {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ""} `));
  return line ? Number(line.split(" ").at(-1)) : null;
}

describe.skipIf(!redisUrl)("/metrics", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  let closedApp: RunningApp;
  const scrape = async (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => {
    const response = await fetch(`${app.url}/metrics`, { headers });
    return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
  };

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url, redisUrl: redisUrl!, env: { METRICS_TOKEN: TOKEN } });
    closedApp = await startTestApp({ databaseUrl: fresh.url, redisUrl: redisUrl!, seed: false });
  });
  afterAll(async () => {
    await app?.stop();
    await closedApp?.stop();
    await fresh?.drop();
  });

  it("is never public: 401 without the token or with a wrong one, 404 where no token is set", async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ authorization: "Bearer wrong-token-wrong-token-wrong" })).status).toBe(401);
    expect((await scrape({ authorization: TOKEN })).status).toBe(401);
    expect((await fetch(`${closedApp.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
      404,
    );
  });

  it("counts requests per procedure and status, bounded to known procedures, and shows the live layer, pool, jobs and process", async () => {
    const api = rawTrpc(app.url);
    await api.query("post.feed", { kind: "latest", limit: 5 });
    await api.query("post.byId", { id: 999_999 });
    await api.query("no.such.procedure");
    const cookie = await cookieFor(app.db, "jiwoo");
    const socket = new WebSocket(`${app.url.replace("http", "ws")}/trpc`, { headers: { origin: app.url, cookie } });
    let started = false;
    socket.on("message", (data: Buffer) => {
      if (data.toString().includes('"started"')) started = true;
    });
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(
      JSON.stringify({ id: 1, method: "subscription", params: { path: "notification.onChange", input: { json: {} } } }),
    );
    await waitFor(() => started, "subscribed");
    // An event through Redis: a follow notifies jiwoo.
    const leo = rawTrpc(app.url, { cookie: await cookieFor(app.db, "leo_builds") });
    const jiwoo = await app.db.user.findUniqueOrThrow({ where: { handle: "jiwoo" } });
    await leo.mutate("social.unfollow", { userId: jiwoo.id });
    await leo.mutate("social.follow", { userId: jiwoo.id });

    const { status, type, text } = await scrape();
    socket.close();
    expect(status).toBe(200);
    expect(type).toContain("text/plain");
    expect(sample(text, "orgo_requests_total", 'procedure="post.feed",status="200"')).toBe(1);
    expect(sample(text, "orgo_requests_total", 'procedure="post.byId",status="404"')).toBe(1);
    expect(sample(text, "orgo_requests_total", 'procedure="unknown",status="404"')).toBe(1);
    expect(text).not.toContain("no.such.procedure");
    expect(sample(text, "orgo_request_duration_seconds_count", 'procedure="post.feed",status="200"')).toBe(1);
    expect(sample(text, "orgo_websockets_open")).toBe(1);
    expect(sample(text, "orgo_live_subscriptions")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "orgo_bus_delivery_lag_seconds_count")).toBeGreaterThan(0);
    expect(sample(text, "orgo_db_pool_connections", 'state="open"')).toBeGreaterThan(0);
    expect(sample(text, "orgo_db_pool_connections", 'state="waiting"')).toBe(0);
    expect(sample(text, "orgo_jobs", 'state="due"')).not.toBeNull();
    expect(sample(text, "orgo_jobs", 'state="given_up"')).toBe(0);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(text).toContain("nodejs_eventloop_lag_p99_seconds");
  });
});

describe("slow database statements", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  const logged: { msg: string; requestId?: string; procedure?: string; durationMs?: number; sql?: string }[] = [];

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({
      databaseUrl: fresh.url,
      env: { SLOW_QUERY_MS: "200", LOG_LEVEL: "warn" },
      logDestination: { write: (line: string) => void logged.push(JSON.parse(line) as (typeof logged)[number]) },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  it("are logged as warnings with the request id and the procedure; fast ones are not", async () => {
    const leo = await app.db.user.findUniqueOrThrow({ where: { handle: "leo_builds" } });
    const api = rawTrpc(app.url, { cookie: await cookieFor(app.db, "jiwoo") });
    // Each request's statements, by procedure (the server's own at start, such as the
    // seed's, may be slow on a loaded machine, and are not what this is about).
    const slowIn = (procedure: string) =>
      logged.filter((l) => l.msg === "slow database statement" && l.procedure === procedure);
    await api.mutate("social.unfollow", { userId: leo.id });
    expect(slowIn("social.unfollow")).toEqual([]);
    // Another session holds Leo's row for 400 ms: the follow's counter update waits for it.
    const held = app.db.$transaction(async (tx) => {
      await tx.$executeRaw`select id from "User" where id = ${leo.id}::uuid for update`;
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = await api.mutate("social.follow", { userId: leo.id });
    await held;
    expect(answer.status).toBe(200);
    const requestId = answer.headers.get("x-request-id");
    const slow = slowIn("social.follow");
    expect(slow.length).toBeGreaterThanOrEqual(1);
    expect(slow[0]).toMatchObject({ requestId, procedure: "social.follow" });
    expect(slow[0]!.durationMs).toBeGreaterThanOrEqual(200);
    // The first statement to wait: the Follow row (its key check needs the locked row) or the counter.
    expect(slow[0]!.sql).toMatch(/"Follow"|"User"/);
  });
});
