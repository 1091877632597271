import { randomUUID } from "node:crypto";
import type WebSocket from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { TChatMessage, TRoomEvent } from "@orgo/api-contract";
import { subscribeRaw } from "../helpers/live-subscription.js";
import { startProcess, stopProcess } from "../helpers/processes.js";
import { startRedisCluster } from "../helpers/redis-cluster.js";
import { rawTrpc } from "../helpers/raw-trpc.js";
import { cookieFor } from "../helpers/sessions.js";
import { waitFor } from "../helpers/wait.js";

const openSockets: WebSocket[] = [];

/**
 * Two API processes on a real Redis Cluster (three primaries, three replicas):
 * events go over sharded pub/sub, and a primary killed mid-stream fails over with
 * nothing lost — what fell into the gap is read from PostgreSQL.
 */
describe("a Redis Cluster between two API processes", () => {
  let fresh: FreshDatabase;
  let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
  let p1: Awaited<ReturnType<typeof startProcess>>;
  let p2: Awaited<ReturnType<typeof startProcess>>;
  let roomId: number;
  const cookies: Record<string, string> = {};

  const send = async (body: string) => {
    // A send is a database write: it succeeds while the shard fails over (its event may not).
    const answer = await rawTrpc(p1.url, { cookie: cookies.sara }).mutate("chat.send", {
      roomId,
      clientId: randomUUID(),
      body,
    });
    expect(answer.status, answer.text).toBe(200);
    return (answer.body as { result: { data: { json: TChatMessage } } }).result.data.json;
  };

  beforeAll(async () => {
    cluster = await startRedisCluster();
    fresh = await freshDatabase();
    const env = {
      NODE_ENV: "test",
      DATABASE_URL: fresh.url,
      REDIS_URL: cluster.url,
      SEED_DEMO_DATA: "true",
      CHAT_SENDS_PER_10S: "10000",
    };
    p1 = await startProcess(env);
    p2 = await startProcess({ ...env, SEED_DEMO_DATA: "false" });
    cookies.sara = await cookieFor(fresh.db, "sara_k");
    const jiwoo = await fresh.db.user.findUniqueOrThrow({ where: { handle: "jiwoo" } });
    const opened = await rawTrpc(p1.url, { cookie: cookies.sara }).mutate("chat.openDirect", { userId: jiwoo.id });
    roomId = (opened.body as { result: { data: { json: { id: number } } } }).result.data.json.id;
  }, 60_000);
  afterEach(() => {
    for (const socket of openSockets.splice(0)) socket.terminate();
  });
  afterAll(async () => {
    const codes = await Promise.all([p1, p2].filter(Boolean).map((p) => stopProcess(p.child)));
    cluster?.stop();
    await fresh?.drop();
    expect(codes, `${p1?.output()}\n${p2?.output()}`).toEqual([0, 0]);
  });

  it("carries a room's events across processes, and rides out its shard's primary being killed", async () => {
    const head = (await fresh.db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).changeSeq;
    const tabs = await Promise.all(
      Array.from({ length: 5 }, async () =>
        subscribeRaw<TRoomEvent>(
          p2.url,
          await cookieFor(fresh.db, "jiwoo"),
          "chat.onRoom",
          { roomId, lastEventId: String(head) },
          openSockets,
        ),
      ),
    );
    await waitFor(() => tabs.every((tab) => tab.started()), "tabs subscribed on process 2");
    const seqsOf = (tab: (typeof tabs)[number]) =>
      tab.events().flatMap((event) => (event.kind === "message" ? [event.message.seq] : []));

    const sent = [await send("before")];
    await waitFor(() => tabs.every((tab) => seqsOf(tab).length === 1), "the first message on process 2");

    // The primary that owns this room's channel dies; its replica takes over.
    cluster.kill(await cluster.primaryOf(`orgo:events:chat:room:${roomId}`));
    for (let i = 1; i <= 8; i++) {
      sent.push(await send(`during ${i}`));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await cluster.healed();
    // The room goes on: each later event that arrives has its gap filled from the
    // database, and the subscriber group's comeback (subscribed again on the new
    // primary) makes every tab read what it missed.
    const deadline = Date.now() + 15_000;
    do {
      sent.push(await send("after"));
      await new Promise((resolve) => setTimeout(resolve, 300));
    } while (!tabs.every((tab) => seqsOf(tab).at(-1) === sent.at(-1)!.seq) && Date.now() < deadline);
    const expected = sent.map((message) => message.seq);
    await waitFor(() => tabs.every((tab) => seqsOf(tab).length === expected.length), "every message on every tab");
    for (const tab of tabs) {
      expect(seqsOf(tab)).toEqual(expected);
      expect(tab.error()).toBeNull();
    }
  }, 90_000);
});
