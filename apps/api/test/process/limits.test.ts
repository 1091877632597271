import WebSocket from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { MAX_CALLS_AT_ONCE } from "../../src/platform/config/config.js";
import { MAX_BODY_BYTES } from "../../src/platform/server/server.js";
import { SLOW_CONSUMER_CLOSE_CODE, TOO_MANY_SOCKETS_CLOSE_CODE } from "../../src/platform/live/socket-limits.js";
import { startTestApp } from "../helpers/app.js";
import { cookieFor } from "../helpers/sessions.js";
import { rawTrpc } from "../helpers/raw-trpc.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { waitFor } from "../helpers/wait.js";

/** Small caps, so each can be tried at the cap and one past it. */
const caps = { perIp: 4, perSession: 2, subscriptions: 3, buffered: 16_384, payload: 65_536 };

/** Every limit that keeps one client from making the server hold memory or work without bound. */
const METRICS_TOKEN = "metrics-token-for-limits-0123456789";

describe("limits, each at its cap and one past it", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  const sockets: WebSocket[] = [];

  function open(headers: Record<string, string> = {}) {
    const socket = new WebSocket(`${app.url.replace("http", "ws")}/trpc`, {
      headers: { origin: app.url, ...headers },
    });
    // A refused upgrade or a terminated handshake reports an error; the tests look at codes instead.
    socket.on("error", () => undefined);
    sockets.push(socket);
    return socket;
  }
  const opened = (socket: WebSocket) =>
    new Promise<"open" | number>((resolve) => {
      socket.once("open", () => resolve("open"));
      socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    });
  const closed = (socket: WebSocket) =>
    new Promise<number>((resolve) => {
      if (socket.readyState === WebSocket.CLOSED) resolve(-1);
      socket.once("close", (code) => resolve(code));
    });
  /** Sends raw tRPC messages and collects the answers by id. */
  function answers(socket: WebSocket) {
    const byId = new Map<number, string>();
    socket.on("message", (data: Buffer) => {
      const text = data.toString("utf8");
      if (text === "PING" || text === "PONG") return;
      const message = JSON.parse(text) as { id: number } | { id: number }[];
      for (const m of Array.isArray(message) ? message : [message]) byId.set(m.id, JSON.stringify(m));
    });
    return byId;
  }
  /** The server's own count of open websockets (its /metrics gauge). */
  async function openSockets(): Promise<number | null> {
    const text = await (
      await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const line = text.split("\n").find((l) => l.startsWith("orgo_websockets_open "));
    return line ? Number(line.split(" ").at(-1)) : null;
  }
  const feedCall = (id: number) => ({ id, method: "query", params: { path: "post.feed", input: { json: {} } } });

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({
      databaseUrl: fresh.url,
      env: {
        WS_MAX_SOCKETS_PER_IP: String(caps.perIp),
        WS_MAX_SOCKETS_PER_SESSION: String(caps.perSession),
        WS_MAX_SUBSCRIPTIONS: String(caps.subscriptions),
        WS_MAX_BUFFERED_BYTES: String(caps.buffered),
        WS_MAX_PAYLOAD_BYTES: String(caps.payload),
        METRICS_TOKEN,
      },
    });
  });
  afterEach(async () => {
    await Promise.all(
      sockets.splice(0).map((s) => {
        if (s.readyState !== WebSocket.OPEN) {
          s.terminate();
          return Promise.resolve(0);
        }
        const done = closed(s);
        s.terminate();
        return done;
      }),
    );
    // The server sees the closes a moment later.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  it("answers an HTTP batch of 20 calls, and refuses 21 with 400 before running any", async () => {
    const api = rawTrpc(app.url);
    const calls = (n: number) => Array.from({ length: n }, () => ({ path: "post.recommended" }));
    const atCap = await api.batch("query", calls(MAX_CALLS_AT_ONCE));
    expect(atCap.status).toBe(200);
    expect(atCap.body as unknown[]).toHaveLength(MAX_CALLS_AT_ONCE);
    expect((await api.batch("query", calls(MAX_CALLS_AT_ONCE + 1))).status).toBe(400);
    const views = Array.from({ length: MAX_CALLS_AT_ONCE + 1 }, () => ({ path: "post.recordView", input: { id: 1 } }));
    expect((await api.batch("mutation", views)).status).toBe(400);
  });

  it("takes an HTTP body of exactly 1 MiB and refuses one byte more with 413", async () => {
    const padded = (size: number) => {
      const json = JSON.stringify({ json: { id: 1 } });
      return json + " ".repeat(size - Buffer.byteLength(json));
    };
    const post = (body: string) =>
      fetch(`${app.url}/trpc/post.recordView`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url },
        body,
      });
    expect((await post(padded(MAX_BODY_BYTES))).status).toBe(200);
    expect((await post(padded(MAX_BODY_BYTES + 1))).status).toBe(413);
  });

  it("runs 20 calls at once on one websocket and refuses the 21st with TOO_MANY_REQUESTS", async () => {
    const socket = open();
    expect(await opened(socket)).toBe("open");
    const got = answers(socket);
    socket.send(JSON.stringify(Array.from({ length: MAX_CALLS_AT_ONCE }, (_, i) => feedCall(i + 1))));
    await waitFor(() => got.size === MAX_CALLS_AT_ONCE, "20 answers");
    expect([...got.values()].filter((a) => a.includes("TOO_MANY_REQUESTS"))).toHaveLength(0);

    got.clear();
    socket.send(JSON.stringify(Array.from({ length: MAX_CALLS_AT_ONCE + 1 }, (_, i) => feedCall(100 + i))));
    await waitFor(() => got.size === MAX_CALLS_AT_ONCE + 1, "21 answers");
    const refused = [...got.values()].filter((a) => a.includes("TOO_MANY_REQUESTS"));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain("RATE_LIMITED");
  });

  it("holds 3 subscriptions on a socket, refuses the 4th, and frees a slot when one stops", async () => {
    const { client, wsClient } = createTestClient(app.url);
    const started: number[] = [];
    const errors: string[] = [];
    const subscribe = (n: number) =>
      client.post.onCreated.subscribe(
        {},
        { onStarted: () => started.push(n), onError: (e) => errors.push(`${n}:${e.data?.code}`) },
      );
    const subs = [1, 2, 3].map(subscribe);
    await waitFor(() => started.length === 3, "3 subscriptions started");
    subscribe(4);
    await waitFor(() => errors.length === 1, "the 4th refused");
    expect(errors).toEqual(["4:TOO_MANY_REQUESTS"]);
    subs[0]!.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 100));
    subscribe(5);
    await waitFor(() => started.includes(5), "a 4th after one stopped");
    await wsClient.close();
  });

  it("lets one address open 4 websockets and refuses the 5th with 429 until one closes", async () => {
    const first = Array.from({ length: caps.perIp }, () => open());
    expect(await Promise.all(first.map(opened))).toEqual(Array(caps.perIp).fill("open"));
    expect(await opened(open())).toBe(429);
    const gone = closed(first[0]!);
    first[0]!.close();
    await gone;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await opened(open())).toBe("open");
  });

  it("lets one session hold 2 websockets and closes a 3rd with the too-many-sockets code", async () => {
    const cookie = await cookieFor(app.db, "jiwoo");
    const two = [open({ cookie }), open({ cookie })];
    expect(await Promise.all(two.map(opened))).toEqual(["open", "open"]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const third = open({ cookie });
    expect(await opened(third)).toBe("open");
    expect(await closed(third)).toBe(TOO_MANY_SOCKETS_CLOSE_CODE);
    expect(two.map((s) => s.readyState)).toEqual([WebSocket.OPEN, WebSocket.OPEN]);
  });

  it("takes a websocket message of exactly the payload cap and closes the socket on one byte more", async () => {
    const socket = open();
    expect(await opened(socket)).toBe("open");
    const got = answers(socket);
    const json = JSON.stringify(feedCall(1));
    socket.send(json + " ".repeat(caps.payload - Buffer.byteLength(json)));
    await waitFor(() => got.has(1), "the answer to a message at the cap");
    const done = closed(socket);
    socket.send(JSON.stringify(feedCall(2)) + " ".repeat(caps.payload));
    expect(await done).toBe(1009);
  });

  it("cuts off a socket that never reads, with the reconnect-and-catch-up code, and not one that reads", async () => {
    // ≈ 17 MB of new posts as the stream sends them (a long title and an excerpt each: the
    // stream carries no bodies): far more than the kernel's socket buffers hold for a
    // reader that stopped.
    const author = await app.db.user.findUniqueOrThrow({ where: { handle: "jiwoo" } });
    await app.db.$executeRaw`
      insert into "Post" ("authorId", title, body, excerpt)
      select ${author.id}::uuid, 'Long ' || i || ' ' || repeat('x', 500), 'x', repeat('y', 160)
      from generate_series(1, 20000) i`;
    const resume = {
      id: 1,
      method: "subscription",
      params: { path: "post.onCreated", input: { json: { lastEventId: "0" } } },
    };

    const reader = open();
    expect(await opened(reader)).toBe("open");
    const read = answers(reader);
    reader.send(JSON.stringify(resume));

    const stalled = open();
    expect(await opened(stalled)).toBe("open");
    let closeCode: number | null = null;
    stalled.once("close", (code) => (closeCode = code));
    stalled.send(JSON.stringify(resume));
    // Stops reading: what the server sends piles up in its buffer, until the server
    // gives up on it (its open-socket gauge drops to the reader alone). Waiting for
    // that, not a fixed 3 s: on a loaded machine the catch-up took longer to fill the
    // buffer, and a socket that read again in time was rightly kept.
    const tcp = (stalled as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();
    await expect.poll(() => openSockets(), { timeout: 30_000, interval: 200 }).toBe(1);
    tcp.resume();
    await waitFor(() => closeCode !== null, "the stalled socket closed", 10_000);
    // Closed by the server: with our code if the close frame got through, else abruptly.
    expect([SLOW_CONSUMER_CLOSE_CODE, 1006]).toContain(closeCode);
    // The reading socket got the whole catch-up and is still open.
    await waitFor(() => read.size > 0, "the reader's catch-up");
    expect(reader.readyState).toBe(WebSocket.OPEN);
  });
});
