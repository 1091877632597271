import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import superjson from "superjson";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { createTRPCClient, createWSClient, TRPCClientError, wsLink } from "@trpc/client";
import { AppError, channels, type TPost } from "@orgo/api-contract";
import { appRouter, type AppRouter } from "@orgo/api-contract/server";
import { fakeServices, makePost, testContext } from "@orgo/api-contract/testing";
import { createMemoryEventBus } from "../../src/platform/events/memory-event-bus.js";
import { createChannelHub } from "../../src/platform/live/channel-hub.js";
import { liveFeed } from "../../src/platform/live/live-stream.js";
import { createLiveSocketServer } from "../../src/platform/live/live-socket-server.js";
import { waitFor } from "../helpers/wait.js";

/**
 * The upgrade guard. OrGo's websocket server speaks tRPC's wire protocol itself (it
 * holds idle sockets far more cheaply than the adapter). Here the same router, the
 * same services and the same script run through tRPC's own `applyWSSHandler` and
 * through OrGo's server, and what a client sees must be the same: frame by frame for
 * a raw client, and call by call for a `wsLink` client (what apps/web uses).
 * Bumping `@trpc/*` and running this tells at once whether our server still speaks
 * the protocol.
 */

const KEEP_ALIVE = { pingMs: 150, pongWaitMs: 150 };

/** A server with one posts "table" and a bus: new posts stream live, and resume from a last id. */
async function startServer(kind: "trpc" | "orgo") {
  const bus = createMemoryEventBus();
  const committed: TPost[] = [makePost(1)];
  const services = fakeServices({
    byId: (id) => {
      const post = committed.find((p) => p.id === id);
      return post ? Promise.resolve(post) : Promise.reject(new AppError("NOT_FOUND", "No such post"));
    },
    streamCreated: (afterId, signal) =>
      liveFeed(
        bus,
        {
          channel: channels.posts,
          select: (event) => (event.type === "post.created" ? event.data : null),
          catchUp: (after) => Promise.resolve(committed.filter((p) => p.id > after)),
          headId: () => Promise.resolve(committed.at(-1)?.id ?? 0),
          idOf: (post) => post.id,
          afterId,
        },
        signal,
      ),
    streamChanges: () => Promise.reject(new AppError("NOT_FOUND", "No such post")),
  });
  const { context } = testContext({ services, requestId: "guard", cookies: null });
  const httpServer = http.createServer();
  const wss = new WebSocketServer({ server: httpServer });
  let close: () => void;
  if (kind === "trpc") {
    const handler = applyWSSHandler({
      wss,
      router: appRouter,
      createContext: () => context,
      keepAlive: { enabled: true, ...KEEP_ALIVE },
    });
    close = () => handler.broadcastReconnectNotification();
  } else {
    const live = createLiveSocketServer({
      router: appRouter,
      hub: createChannelHub(bus),
      maxBufferedBytes: 1 << 20,
      keepAlive: KEEP_ALIVE,
      createContext: () => Promise.resolve(context),
      onClose: () => undefined,
      onContextEnd: () => undefined,
      onError: () => undefined,
    });
    wss.on("connection", (socket, req) => live.accept(socket, req, { requestId: "guard", ip: "127.0.0.1" }));
    close = () => live.close();
  }
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const publish = async (id: number) => {
    const post = makePost(id);
    committed.push(post);
    await bus.publish(channels.posts, { v: 1, type: "post.created", data: post });
  };
  /** Drops every socket at once, as a network failure would (clients reconnect by themselves). */
  const dropConnections = () => {
    for (const socket of wss.clients) socket.terminate();
  };
  const stop = async () => {
    close();
    dropConnections();
    await new Promise((resolve) => wss.close(resolve));
    await new Promise((resolve) => httpServer.close(resolve));
    await bus.close();
  };
  return { url, publish, dropConnections, stop };
}

type Server = Awaited<ReturnType<typeof startServer>>;

/** The frames a raw client receives, PING/PONG as text, JSON frames parsed. */
function rawClient(url: string) {
  const socket = new WebSocket(url);
  const frames: unknown[] = [];
  socket.on("message", (data: Buffer) => {
    const text = data.toString("utf8");
    // The server's own keep-alive PINGs come on a timer, not in answer to the script:
    // under load one can land between any two steps. Answered, and left out.
    if (text === "PING") socket.send("PONG");
    else frames.push(text === "PONG" ? text : JSON.parse(text));
  });
  const ready = new Promise<void>((resolve, reject) => socket.once("open", () => resolve()).once("error", reject));
  const send = (message: unknown) => socket.send(typeof message === "string" ? message : JSON.stringify(message));
  return { socket, frames, ready, send };
}

const call = (id: number | string, method: string, path: string, input: unknown, lastEventId?: string) => ({
  id,
  jsonrpc: "2.0",
  method,
  params: { path, input: superjson.serialize(input), ...(lastEventId ? { lastEventId } : {}) },
});

/** Frames in a stable order (a batch's answers may come in any order), each an answer to one id. */
const byId = (frames: unknown[]) =>
  [...frames].sort((a, b) =>
    JSON.stringify((a as { id?: unknown }).id).localeCompare(JSON.stringify((b as { id?: unknown }).id)),
  );

/** The raw protocol script: every kind of frame a client can send, and what comes back. */
async function rawTranscript(server: Server) {
  const client = rawClient(server.url);
  await client.ready;
  const transcript: Record<string, unknown[]> = {};
  const take = async (step: string, count: number) => {
    await waitFor(() => client.frames.length >= count, `${step}: ${count} frames`, 5_000);
    transcript[step] = byId(client.frames.splice(0, count));
  };
  client.send("PING");
  await take("ping", 1);
  client.send([
    call(1, "query", "post.byId", { id: 1 }),
    call(2, "query", "post.byId", { id: 999 }),
    call(3, "query", "post.byId", { id: "one" }),
    call(4, "query", "no.such", {}),
  ]);
  await take("batch of queries and refusals", 4);
  client.send("{not json");
  await take("a frame that is not JSON", 1);
  // From id 1, so what follows arrives whether it was written before or after the
  // subscription started listening (the adapter answers "started" before it listens).
  client.send(call(5, "subscription", "post.onCreated", {}, "1"));
  await take("subscription started", 1);
  await server.publish(2);
  await server.publish(3);
  await take("live items", 2);
  client.send({ id: 5, jsonrpc: "2.0", method: "subscription.stop" });
  await take("subscription stopped", 1);
  await server.publish(4);
  client.send(call(6, "subscription", "post.onCreated", {}, "2"));
  await take("resumed after id 2: started, then the missed items", 3);
  await server.publish(5);
  await take("live again", 1);
  client.send(call(7, "subscription", "post.onChanges", { id: 999 }));
  await take("a refused subscription", 1);
  client.socket.close();
  return transcript;
}

/** What apps/web's client sees: calls, refusals, a stream that survives a dropped connection. */
async function clientTranscript(server: Server) {
  const opens: number[] = [];
  const wsClient = createWSClient({
    url: server.url,
    // Node 20 has no global WebSocket; ws's is the same API.
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 50,
    keepAlive: { enabled: true, intervalMs: 100, pongTimeoutMs: 200 },
    onOpen: () => opens.push(Date.now()),
  });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient, transformer: superjson })] });
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return "answered";
    } catch (error) {
      if (!(error instanceof TRPCClientError)) throw error;
      const data = error.data as Record<string, unknown>;
      return { message: error.message, code: data.code, httpStatus: data.httpStatus, appCode: data.appCode };
    }
  };
  const transcript: Record<string, unknown> = {};
  transcript.query = await client.post.byId.query({ id: 1 });
  transcript.notFound = await refusal(client.post.byId.query({ id: 999 }));
  transcript.badInput = await refusal(client.post.byId.query({ id: -1 }));

  const received: number[] = [];
  const events: string[] = [];
  const subscription = client.post.onCreated.subscribe(
    { lastEventId: "1" },
    {
      onStarted: () => events.push("started"),
      onData: (item) => received.push(item.data.id),
      onError: (error) => events.push(`error ${error.message}`),
    },
  );
  await waitFor(() => events.includes("started"), "the subscription to start", 5_000);
  await server.publish(2);
  await waitFor(() => received.length === 1, `the first live post (${events.join(", ")})`, 5_000);
  // The connection drops; posts are written meanwhile; the client reconnects with the
  // id of the last item it got and must receive each missed one once, in order.
  server.dropConnections();
  await server.publish(3);
  await server.publish(4);
  await waitFor(() => received.length >= 3, "the missed posts after reconnecting", 10_000);
  await server.publish(5);
  await waitFor(() => received.length >= 4, "a live post after reconnecting", 5_000);
  transcript.stream = [...received];
  transcript.streamEvents = events.filter((e) => e !== "started");

  // Keep-alive both ways: several ping intervals pass and the connection is still the
  // second one (none was dropped for a missing pong).
  const opened = opens.length;
  await new Promise((resolve) => setTimeout(resolve, 6 * KEEP_ALIVE.pingMs));
  transcript.reconnectsWhileIdle = opens.length - opened;
  transcript.stillAnswers = (await client.post.byId.query({ id: 5 })).id;
  subscription.unsubscribe();
  await wsClient.close();
  return transcript;
}

/** A socket that never answers the server's PING is let go by both, after ping + pong wait. */
async function silentClientIsClosed(server: Server) {
  const socket = new WebSocket(server.url, { autoPong: false });
  // ws answers protocol-level pings itself; tRPC's keep-alive is a text frame, which
  // this client simply never answers.
  const pinged: string[] = [];
  socket.on("message", (data: Buffer) => pinged.push(data.toString("utf8")));
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  await new Promise<void>((resolve) => socket.once("open", () => resolve()));
  const started = Date.now();
  await closed;
  return { pinged: pinged.includes("PING"), closedWithin: Date.now() - started < 20 * KEEP_ALIVE.pingMs };
}

describe("OrGo's websocket server against tRPC's own adapter (the upgrade guard)", () => {
  let trpc: Server;
  let orgo: Server;
  // Fresh servers for each test: every script starts from the same one post.
  beforeEach(async () => {
    [trpc, orgo] = await Promise.all([startServer("trpc"), startServer("orgo")]);
  });
  afterEach(async () => {
    await trpc?.stop();
    await orgo?.stop();
  });

  it("answers every frame of the raw protocol as the adapter does", async () => {
    const expected = await rawTranscript(trpc);
    const actual = await rawTranscript(orgo);
    expect(actual).toEqual(expected);
    // The script saw what it meant to: the adapter's own answers are not empty or all errors.
    expect(expected["live items"]).toHaveLength(2);
    expect(JSON.stringify(expected["resumed after id 2: started, then the missed items"])).toContain('"id":"4"');
  });

  it("gives a wsLink client the same answers, refusals, resumed stream and keep-alive", async () => {
    const expected = await clientTranscript(trpc);
    const actual = await clientTranscript(orgo);
    expect(actual).toEqual(expected);
    expect(expected.stream).toEqual([2, 3, 4, 5]);
    expect(expected.reconnectsWhileIdle).toBe(0);
    expect(expected.notFound).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, appCode: "NOT_FOUND" });
  });

  it("pings a silent socket and lets it go, as the adapter does", async () => {
    const [expected, actual] = await Promise.all([silentClientIsClosed(trpc), silentClientIsClosed(orgo)]);
    expect(actual).toEqual(expected);
    expect(expected).toEqual({ pinged: true, closedWithin: true });
  });
});
