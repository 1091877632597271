import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import superjson from "superjson";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { startTestApp } from "../helpers/app.js";
import { cookieFor } from "../helpers/sessions.js";
import { rawTrpc } from "../helpers/raw-trpc.js";
import { waitFor } from "../helpers/wait.js";

const METRICS_TOKEN = "live-socket-server-test-token";

type Frame = {
  id: number | string | null;
  method?: string;
  result?: { type: string; id?: string; data?: unknown };
  error?: { json: { data: { appCode: string; code: string } } };
};

/**
 * Our websocket server speaks tRPC's wire protocol (any wsLink client works) and
 * serves live feeds from one listener per channel: these tests speak the protocol
 * byte by byte and watch the fan-out's books.
 */
describe("the live websocket server", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  let cookie: string;
  const sockets: WebSocket[] = [];

  function open(headers: Record<string, string> = {}) {
    const socket = new WebSocket(`${app.url.replace("http", "ws")}/trpc`, { headers: { origin: app.url, ...headers } });
    sockets.push(socket);
    const frames: (Frame | string)[] = [];
    socket.on("message", (data: Buffer) => {
      const text = data.toString("utf8");
      frames.push(text === "PING" || text === "PONG" ? text : (JSON.parse(text) as Frame));
    });
    const ready = new Promise<void>((resolve, reject) => socket.once("open", () => resolve()).once("error", reject));
    const send = (message: unknown) => socket.send(typeof message === "string" ? message : JSON.stringify(message));
    const framesOf = (id: number | string | null) =>
      frames.filter((f): f is Frame => typeof f !== "string" && f.id === id);
    return { socket, frames, ready, send, framesOf };
  }
  const subscribe = (id: number | string, path: string, input: unknown, lastEventId?: string) => ({
    id,
    jsonrpc: "2.0",
    method: "subscription",
    params: { path, input: superjson.serialize(input), ...(lastEventId ? { lastEventId } : {}) },
  });
  const postIdsOf = (frames: Frame[]) =>
    frames
      .filter((f) => f.result?.type === "data")
      .map((f) => superjson.deserialize<{ id: string; data: { id: number } }>(f.result!.data as never).data.id);

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url, env: { METRICS_TOKEN } });
    cookie = await cookieFor(app.db, "demo");
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate();
    // Every subscription of a closed socket leaves the fan-out.
    await waitFor(() => app.server.liveStats().subscribers === 0, "the closed sockets' subscriptions to be released");
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  it("answers queries, batches, pings and bad frames as tRPC's own adapter does", async () => {
    const client = open();
    await client.ready;
    client.send("PING");
    client.send([
      { id: 1, method: "query", params: { path: "post.feed", input: superjson.serialize({}) } },
      { id: 2, method: "query", params: { path: "no.such", input: superjson.serialize({}) } },
    ]);
    client.send("{not json");
    client.send({ id: null, method: "query", params: { path: "post.feed" } });
    await waitFor(() => client.frames.length >= 5, "every answer");
    expect(client.frames).toContain("PONG");
    expect(client.framesOf(1)[0]?.result?.type).toBe("data");
    expect(client.framesOf(2)[0]?.error?.json.data.code).toBe("NOT_FOUND");
    const nullIds = client.framesOf(null);
    expect(nullIds).toHaveLength(2);
    expect(nullIds.every((f) => f.error?.json.data.code === "PARSE_ERROR")).toBe(true);
  });

  it("streams from one listener per channel, stops on request, and refuses a duplicate id", async () => {
    const trpc = rawTrpc(app.url, { cookie });
    const readers = [open(), open(), open()];
    await Promise.all(readers.map((r) => r.ready));
    for (const reader of readers) reader.send(subscribe(7, "post.onCreated", {}));
    await waitFor(() => readers.every((r) => r.framesOf(7).some((f) => f.result?.type === "started")), "started");
    await waitFor(() => app.server.liveStats().subscribers === 3, "three subscribers");
    expect(app.server.liveStats().channels).toBe(1);

    readers[0]!.send(subscribe(7, "post.onCreated", {}));
    await waitFor(() => readers[0]!.framesOf(7).some((f) => f.error), "the duplicate refused");
    expect(readers[0]!.framesOf(7).find((f) => f.error)?.error?.json.data.code).toBe("BAD_REQUEST");

    const created = (await trpc.mutate("post.create", { title: "fan-out", body: "to everyone" })).body as {
      result: { data: { json: { id: number } } };
    };
    const postId = created.result.data.json.id;
    await waitFor(() => readers.every((r) => postIdsOf(r.framesOf(7)).includes(postId)), "the post everywhere");
    // The same frame for everyone but the subscription id: tracked id and payload alike.
    const frames = readers.map((r) => r.framesOf(7).find((f) => f.result?.type === "data")!);
    expect(new Set(frames.map((f) => JSON.stringify(f.result))).size).toBe(1);
    expect(frames[0]!.result!.id).toBe(String(postId));

    readers[1]!.send({ id: 7, method: "subscription.stop" });
    await waitFor(() => readers[1]!.framesOf(7).some((f) => f.result?.type === "stopped"), "stopped");
    await waitFor(() => app.server.liveStats().subscribers === 2, "two subscribers left");
    readers[2]!.socket.terminate();
    await waitFor(() => app.server.liveStats().subscribers === 1, "one subscriber left");
  });

  it("resumes from a last event id over the raw protocol, once and in order", async () => {
    const trpc = rawTrpc(app.url, { cookie });
    const ids: number[] = [];
    for (const title of ["r1", "r2", "r3"]) {
      const answer = (await trpc.mutate("post.create", { title, body: title })).body as {
        result: { data: { json: { id: number } } };
      };
      ids.push(answer.result.data.json.id);
    }
    const reader = open();
    await reader.ready;
    reader.send(subscribe("resume", "post.onCreated", {}, String(ids[0])));
    await waitFor(() => postIdsOf(reader.framesOf("resume")).length === 2, "the two missed posts");
    const live = (await trpc.mutate("post.create", { title: "r4", body: "r4" })).body as {
      result: { data: { json: { id: number } } };
    };
    await waitFor(() => postIdsOf(reader.framesOf("resume")).length === 3, "the live one");
    expect(postIdsOf(reader.framesOf("resume"))).toEqual([ids[1], ids[2], live.result.data.json.id]);
  });

  it("coalesces a burst of 'room list changed' signals to a tab, and never drops the last", async () => {
    // jiwoo has the seeded conversation with sara_k.
    const jiwoo = await cookieFor(app.db, "jiwoo");
    const trpc = rawTrpc(app.url, { cookie: jiwoo });
    const inbox = (await trpc.query("chat.inbox")).body as { result: { data: { json: { rooms: { id: number }[] } } } };
    const roomId = inbox.result.data.json.rooms[0]!.id;
    const tab = open({ cookie: jiwoo });
    await tab.ready;
    tab.send(subscribe(1, "chat.onInbox", undefined));
    await waitFor(() => app.server.liveStats().subscribers === 1, "the inbox subscription");
    const signals = () => tab.framesOf(1).filter((f) => f.result?.type === "data").length;
    const burst = () =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          trpc.mutate("chat.send", { roomId, clientId: crypto.randomUUID(), body: `burst ${i}`, imageIds: [] }),
        ),
      );
    await burst();
    await waitFor(() => signals() >= 1, "a signal");
    await new Promise((resolve) => setTimeout(resolve, 800));
    // Ten changes, one refetch or two or three (one per 300 ms), not ten.
    const first = signals();
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThanOrEqual(3);
    // A later change still reaches the tab.
    await burst();
    await waitFor(() => signals() > first, "the next burst's signal");
  });

  it("refuses a stream the viewer may not have before it starts, with the domain's code", async () => {
    const stranger = open();
    await stranger.ready;
    stranger.send(subscribe(1, "chat.onRoom", { roomId: 999_999 }));
    await waitFor(() => stranger.framesOf(1).length > 0, "an answer");
    expect(stranger.framesOf(1)[0]?.error?.json.data.code).toBe("UNAUTHORIZED");
    const member = open({ cookie });
    await member.ready;
    member.send(subscribe(1, "chat.onRoom", { roomId: 999_999 }));
    await waitFor(() => member.framesOf(1).length > 0, "an answer");
    expect(member.framesOf(1)[0]?.error?.json.data.appCode).toBe("NOT_FOUND");
    expect(app.server.liveStats().subscribers).toBe(0);
  });

  /** Statements the app has run so far (its metrics). */
  async function statementsRun() {
    const text = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then(
      (r) => r.text(),
    );
    return Number(/^orgo_db_statement_duration_seconds_count (\d+)/m.exec(text)?.[1]);
  }

  /** Until the app runs no statement for 300 ms (at most 15 s). */
  async function waitUntilQuiet() {
    const until = Date.now() + 15_000;
    for (let last = await statementsRun(); Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = await statementsRun();
      if (now === last) return;
      last = now;
    }
  }

  it("starts a room stream with one statement, fresh or resumed, and says started only once in place", async () => {
    const jiwoo = await cookieFor(app.db, "jiwoo");
    const history = (await rawTrpc(app.url, { cookie: jiwoo }).query("chat.inbox")).body as {
      result: { data: { json: { rooms: { id: number }[] } } };
    };
    const roomId = history.result.data.json.rooms[0]!.id;
    const { changeSeq } = await app.db.chatRoom.findUniqueOrThrow({
      where: { id: roomId },
      select: { changeSeq: true },
    });
    // A session of their own each (a session may hold only a few sockets).
    const cookies = await Promise.all(Array.from({ length: 30 }, () => cookieFor(app.db, "jiwoo")));
    const tabs = cookies.map((c) => open({ cookie: c }));
    await Promise.all(tabs.map((t) => t.ready));
    // The sockets' sessions are read once each, before counting.
    tabs.forEach((tab) => tab.send(subscribe(1, "chat.onInbox", undefined)));
    await waitFor(() => tabs.every((t) => t.framesOf(1).some((f) => f.result?.type === "started")), "inboxes");
    // What earlier tests left running (jobs they queued) finishes first.
    await waitUntilQuiet();
    const before = await statementsRun();
    const startedAt = Date.now();
    tabs.forEach((tab, i) =>
      tab.send(subscribe(2, "chat.onRoom", { roomId }, i % 2 === 0 ? String(changeSeq) : undefined)),
    );
    await waitFor(() => tabs.every((t) => t.framesOf(2).some((f) => f.result?.type === "started")), "rooms");
    const used = (await statementsRun()) - before;
    // The app's own timers (jobs, sweeps) run statements too, more of them the longer a
    // loaded machine takes: as many as an idle stretch of the same length runs are not the tabs'.
    const idleFrom = await statementsRun();
    await new Promise((resolve) => setTimeout(resolve, Date.now() - startedAt));
    const idle = (await statementsRun()) - idleFrom;
    // One each (membership, block and head together); a resumed tab that missed nothing
    // reads nothing more. Before: two each (the membership, then the head or a catch-up),
    // 60 here. The bound leaves half a statement per tab for timers the idle stretch did
    // not catch (a CI run beside the browser lane read 38 once): still far below two each.
    expect(used).toBeGreaterThanOrEqual(tabs.length);
    expect(used - idle).toBeLessThan(tabs.length * 1.5);
    expect(tabs.every((t) => t.framesOf(2).filter((f) => f.result?.type === "data").length === 0)).toBe(true);
  });

  it("sends a resumable stream's signals with the last change's id, so a reconnect resumes after it", async () => {
    const jiwoo = await cookieFor(app.db, "jiwoo");
    const sara = rawTrpc(app.url, { cookie: await cookieFor(app.db, "sara_k") });
    const inbox = (await rawTrpc(app.url, { cookie: jiwoo }).query("chat.inbox")).body as {
      result: { data: { json: { rooms: { id: number }[] } } };
    };
    const roomId = inbox.result.data.json.rooms[0]!.id;
    const tab = open({ cookie: jiwoo });
    await tab.ready;
    tab.send(subscribe(1, "chat.onRoom", { roomId }));
    await waitFor(() => tab.framesOf(1).some((f) => f.result?.type === "started"), "started");
    const sent = await sara.mutate("chat.send", { roomId, clientId: crypto.randomUUID(), body: "hi", imageIds: [] });
    expect(sent.status).toBe(200);
    await waitFor(() => tab.framesOf(1).some((f) => f.result?.type === "data"), "the message");
    const messageId = tab.framesOf(1).find((f) => f.result?.type === "data")!.result!.id;
    expect(Number(messageId)).toBeGreaterThan(0);
    await sara.mutate("chat.typing", { roomId });
    await waitFor(() => tab.framesOf(1).filter((f) => f.result?.type === "data").length === 2, "the typing signal");
    const typing = tab.framesOf(1).filter((f) => f.result?.type === "data")[1]!;
    // tRPC's client keeps the id of the last data frame: this one, when the tab reconnects.
    expect(typing.result!.id).toBe(messageId);
    expect(superjson.deserialize<{ data: { kind: string } }>(typing.result!.data as never).data.kind).toBe("typing");

    const back = open({ cookie: jiwoo });
    await back.ready;
    back.send(subscribe(1, "chat.onRoom", { roomId }, typing.result!.id));
    await waitFor(() => back.framesOf(1).some((f) => f.result?.type === "started"), "resumed");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(back.framesOf(1).filter((f) => f.result?.type === "data")).toEqual([]);
  });
});
