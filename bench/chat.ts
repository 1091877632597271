/**
 * Chat benchmark: two API processes sharing PostgreSQL and Redis hold 2 000 signed-in
 * sockets (1 000 one-to-one pairs, every person also in a study room of 20, each pair
 * split across the two processes) while people send 200 messages a second for 60 s;
 * then a raw `ws` relay (bench/raw-chat-server.mjs) holds the same sockets and
 * relays the same load, in the same run (the machine is shared and noisy: the
 * ratios are what count).
 *
 *   npm run bench:chat    (BENCH_SOCKETS 2000, BENCH_RATE 200, BENCH_SECONDS 60;
 *                          PostgreSQL: BENCH_DATABASE_URL, else 127.0.0.1:5432;
 *                          Redis: BENCH_REDIS_URL, else 127.0.0.1:6379)
 *
 * The traffic is a chat's mix (BENCH_MIX=plain for messages only): of every hundred
 * actions, 15 are reactions (chat.react, a random emoji of eight on the newest message
 * the person has seen in that room: a change of that message, live to the room) and 15
 * are replies (chat.send with replyToSeq: the transaction path, and a notification to
 * the answered person); the rest are messages. The raw relay relays each action as one
 * frame. Deliveries are counted by change id (a reaction is a change of a message seen
 * already, not a duplicate of it).
 *
 * Prints send → deliver latency (every member but the sender), messages lost,
 * duplicated and out of order, heap per idle socket (after a full collection, read
 * through bench/heap-probe.mjs), and how long a person 30 s offline takes to catch up
 * 500 messages of their study room, sent meanwhile, when they come back.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import WebSocket from "ws";
import { withDatabase } from "@orgo/db";
import { openAll, seedChatPeople, type Person } from "./chat-people.js";
import { percentile, repoRoot, sleep, startApi, startProbed } from "./servers.js";

const USERS = Number(process.env.BENCH_SOCKETS ?? 2000);
const STUDY_SIZE = Number(process.env.BENCH_STUDY_SIZE ?? 20);
/**
 * Deliveries a second (every member but the sender) when set: half the messages go to
 * a pair (one delivery), half to a study room (STUDY_SIZE − 1), so the message rate
 * follows. Else BENCH_RATE messages a second.
 */
const DELIVERIES = process.env.BENCH_DELIVERIES ? Number(process.env.BENCH_DELIVERIES) : null;
const RATE = DELIVERIES ? Math.round(DELIVERIES / (STUDY_SIZE / 2)) : Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
/** Seconds into the load when the second API process is killed (SIGKILL): its tabs reconnect through the first. */
const KILL_AT = process.env.BENCH_KILL_AT ? Number(process.env.BENCH_KILL_AT) : null;
const CATCH_UP_MESSAGES = 500;
/** Of every action: reactions, then replies (the rest are messages); BENCH_MIX=plain: messages only. */
const MIX = process.env.BENCH_MIX === "plain" ? { react: 0, reply: 0 } : { react: 0.15, reply: 0.15 };
const EMOJI = ["👍", "🎉", "❤️", "😂", "🙏", "👀", "🔥", "✅"];
const OFFLINE_MS = Math.min(30_000, (SECONDS * 1000) / 2);
// The send path is compiled before anything is timed (see also connectAndLeave):
const WARM_UP_SOCKETS = 200;
// …and the send path, on both sides alike: these people (ten whole study rooms, a
// hundred whole pairs) send this many messages to each other before anything is timed.
const WARM_UP_MESSAGES = 300;

const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE_NAME = process.env.BENCH_DATABASE_NAME ?? "orgo_bench_chat";
const databaseUrl = withDatabase(server, DATABASE_NAME);
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

// ── Bookkeeping shared by both sides ──
interface RoomSeen {
  clientIds: Set<string>;
  /** Change ids seen (a message, or a change of one: a reaction). */
  changes: Set<string>;
  /** Each message's newest change seen (a catch-up brings a message as it is now, not each change). */
  changeOfSeq: Map<number, number>;
  lastSeq: number;
  /** The tracked id of the last change: where a reconnecting tab resumes. */
  lastChange: string | undefined;
}

/** What a person does: a message, a reply to a message of the room, or a reaction to one. */
type Action = { type: "message" } | { type: "reply"; seq: number } | { type: "react"; seq: number; emoji: string };
interface Tally {
  sentAt: Map<string, { at: number; room: number; sender: number }>;
  /** person index → room → { seqs seen, last seq } */
  seen: Map<number, Map<number, RoomSeen>>;
  latencies: number[];
  /** Second of the load (by send time) → deliveries later than 50 ms: when the tail happened. */
  lateBySecond: Map<number, number>;
  loadStartedAt: number;
  duplicated: number;
  outOfOrder: number;
  failedSends: number;
  /** Sends answered (OrGo's side). */
  acked: number;
  /** People who went offline on purpose (their receipts are not live deliveries). */
  away: Set<number>;
  /** Tabs moved by the kill: when each was live again (what was sent before, it caught up). */
  backAt: Map<number, number>;
  /** Deliveries caught up by the moved tabs (not timed as live ones). */
  caughtUp: number;
  /** Reactions that changed something (their answer's change id per room), their message and sender. */
  reactions: Map<string, { room: number; seq: number; sender: number }>;
  /** Changes of messages seen already (reactions) delivered. */
  changesDelivered: number;
  replies: number;
}
const newTally = (): Tally => ({
  sentAt: new Map(),
  seen: new Map(),
  latencies: [],
  lateBySecond: new Map(),
  loadStartedAt: 0,
  duplicated: 0,
  outOfOrder: 0,
  failedSends: 0,
  acked: 0,
  away: new Set(),
  backAt: new Map(),
  caughtUp: 0,
  reactions: new Map(),
  changesDelivered: 0,
  replies: 0,
});

function record(
  tally: Tally,
  person: number,
  room: number,
  seq: number,
  clientId: string,
  change: string | undefined,
  messageChange = 0,
) {
  const now = performance.now();
  let rooms = tally.seen.get(person);
  if (!rooms) tally.seen.set(person, (rooms = new Map<number, RoomSeen>()));
  let state = rooms.get(room);
  if (!state) {
    const fresh = { clientIds: new Set<string>(), changes: new Set<string>(), changeOfSeq: new Map<number, number>() };
    rooms.set(room, (state = { ...fresh, lastSeq: 0, lastChange: undefined }));
  }
  state.changeOfSeq.set(seq, Math.max(state.changeOfSeq.get(seq) ?? 0, messageChange));
  // A change id is delivered once; changes come in the room's order.
  if (change !== undefined) {
    if (state.changes.has(change)) {
      tally.duplicated++;
      return;
    }
    state.changes.add(change);
    if (state.lastChange !== undefined && Number(change) <= Number(state.lastChange)) tally.outOfOrder++;
    state.lastChange = change;
  }
  // A change of a message seen already: a reaction (counted, not timed as a message).
  if (state.clientIds.has(clientId)) {
    if (change === undefined) tally.duplicated++;
    else tally.changesDelivered++;
    return;
  }
  state.clientIds.add(clientId);
  if (change === undefined && seq <= state.lastSeq) tally.outOfOrder++;
  state.lastSeq = Math.max(state.lastSeq, seq);
  const sent = tally.sentAt.get(clientId);
  const back = tally.backAt.get(person);
  if (sent && back !== undefined && sent.at < back) {
    tally.caughtUp++;
    return;
  }
  // Latency is live delivery's: what a person caught up after being away is timed apart.
  if (sent && sent.sender !== person && !tally.away.has(person)) {
    tally.latencies.push(now - sent.at);
    if (now - sent.at > 50) {
      const second = Math.floor((sent.at - tally.loadStartedAt) / 1000);
      tally.lateBySecond.set(second, (tally.lateBySecond.get(second) ?? 0) + 1);
    }
  }
}

function lostOf(tally: Tally, membersOf: Map<number, Person[]>): number {
  let lost = 0;
  for (const [clientId, sent] of tally.sentAt) {
    for (const member of membersOf.get(sent.room) ?? []) {
      if (member.index === sent.sender) continue;
      if (!tally.seen.get(member.index)?.get(sent.room)?.clientIds.has(clientId)) lost++;
    }
  }
  return lost;
}

/**
 * Reactions a member never received: neither that change, nor the message at that
 * change or later (a stream that caught up from the database brings each message as
 * it is now, not each change it went through).
 */
function lostReactionsOf(tally: Tally, membersOf: Map<number, Person[]>): number {
  let lost = 0;
  for (const [key, reaction] of tally.reactions) {
    const change = Number(key.split(":")[1]);
    for (const member of membersOf.get(reaction.room) ?? []) {
      const seen = tally.seen.get(member.index)?.get(reaction.room);
      if (!seen?.changes.has(String(change)) && (seen?.changeOfSeq.get(reaction.seq) ?? 0) < change) lost++;
    }
  }
  return lost;
}

/** The action a person takes next in a room: a message, a reply, or a reaction to the newest message they saw there. */
function nextAction(tally: Tally, person: Person, room: number): Action {
  const seq = tally.seen.get(person.index)?.get(room)?.lastSeq ?? 0;
  const roll = Math.random();
  if (seq === 0 || roll >= MIX.react + MIX.reply) return { type: "message" };
  if (roll < MIX.react) return { type: "react", seq, emoji: EMOJI[Math.floor(Math.random() * EMOJI.length)]! };
  return { type: "reply", seq };
}

/**
 * Every person connects once and leaves, before the heap is measured: V8 optimises
 * the functions that thousands of connections make hot, and that machine code
 * (1–2 MiB per API process, by heap snapshot) is no socket's cost. With only the
 * 200 warm-up sockets it was still being compiled while the measured sockets
 * connected, ≈ 1–2 KiB of each one's figure.
 */
async function connectAndLeave(
  people: Person[],
  connect: (p: Person) => Promise<void>,
  sockets: Map<number, WebSocket>,
) {
  await openAll(people, connect);
  await sleep(1000);
  for (const p of people) sockets.get(p.index)?.terminate();
  await sleep(2000);
}

/**
 * Heap per idle socket, two ways: over every socket (what the process holds more
 * once they are all connected), and over the second half only (the marginal cost
 * of one more socket, without what the process does once for the first ones).
 */
async function idleHeap(people: Person[], connect: (p: Person) => Promise<void>, heapKiB: () => Promise<number>) {
  const half = people.length / 2;
  const before = await heapKiB();
  await openAll(people.slice(0, half), connect);
  await sleep(3000);
  const middle = await heapKiB();
  await openAll(people.slice(half), connect);
  await sleep(3000);
  const after = await heapKiB();
  return { all: (after - before) / people.length, marginal: (after - middle) / (people.length - half) };
}

/** The load: RATE messages a second for SECONDS, each from a random person to one of their rooms. */
async function runLoad(
  people: Person[],
  tally: Tally,
  send: (person: Person, room: number, clientId: string, action?: Action) => void,
  extra?: (elapsedMs: number) => void,
) {
  const total = RATE * SECONDS;
  const started = performance.now();
  tally.loadStartedAt = started;
  const progress = setInterval(() => {
    const elapsed = ((performance.now() - started) / 1000).toFixed(0);
    console.log(
      `  ${elapsed} s: sent ${tally.sentAt.size + tally.failedSends}, answered ${tally.acked}, refused ${tally.failedSends}, delivered ${tally.latencies.length}`,
    );
  }, 10_000);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    extra?.(performance.now() - started);
    const person = people[1 + Math.floor(Math.random() * (people.length - 1))]!; // person 0 goes offline
    const room = Math.random() < 0.5 ? person.pairRoom : person.studyRoom;
    send(person, room, randomUUID(), nextAction(tally, person, room));
  }
  clearInterval(progress);
}

/** The warm-up people send to each other, 100 actions a second, in the load's mix (every path compiled). */
async function warmUpSends(
  warm: Person[],
  tally: Tally,
  send: (person: Person, room: number, clientId: string, action?: Action) => void,
) {
  for (let i = 0; i < WARM_UP_MESSAGES; i++) {
    const person = warm[Math.floor(Math.random() * warm.length)]!;
    const room = i % 2 === 0 ? person.pairRoom : person.studyRoom;
    send(person, room, randomUUID(), nextAction(tally, person, room));
    await sleep(10);
  }
}

/** Waits for deliveries in flight: until nothing is missing, or 10 s. */
async function drain(tally: Tally, membersOf: Map<number, Person[]>) {
  for (let i = 0; i < 50 && lostOf(tally, membersOf) > 0; i++) await sleep(200);
}

// ── OrGo: two API processes ──
async function benchOrgo(people: Person[], membersOf: Map<number, Person[]>) {
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SEED_DEMO_DATA: "false",
    WS_MAX_SOCKETS_PER_IP: String(USERS * 2),
    // Statements wait on a machine this busy; a warning for each would be the whole output.
    SLOW_QUERY_MS: "0",
    // Random senders at hundreds of messages a second: some person passes the per-person limit.
    CHAT_SENDS_PER_10S: "10000",
  };
  const apis = await Promise.all([0, 1].map((side) => startApi(`api-${side}`, env)));
  // The warm-up's own tally, replaced by the measured one once it is over.
  let tally = newTally();
  const sockets = new Map<number, WebSocket>();

  /** One tab: its inbox, both rooms (resumed from the last change seen when given), and presence. */
  function connect(person: Person, onOpen?: () => void, onLive?: () => void): Promise<void> {
    const api = apis[person.side]!;
    let started = 0;
    const ws = new WebSocket(`${api.url.replace("http", "ws")}/trpc`, {
      headers: { origin: api.url, cookie: person.cookie },
    });
    sockets.set(person.index, ws);
    const roomOfSub = [0, 0, person.pairRoom, person.studyRoom, 0];
    ws.on("message", (data: Buffer) => {
      const text = data.toString("utf8");
      if (text === "PING") return ws.send("PONG");
      const frame = JSON.parse(text) as {
        id: number;
        error?: unknown;
        result?: {
          type: string;
          id?: string;
          data?: { json: { data?: { kind: string; message?: { seq: number; clientId: string; changeSeq: number } } } };
        };
      };
      if (frame.id >= 100) return answered(frame.id, frame.error === undefined, text);
      if (frame.result?.type === "started" && ++started === 4) onLive?.();
      const event = frame.result?.data?.json.data;
      if (frame.result?.type !== "data" || event?.kind !== "message" || !event.message) return;
      const { seq, clientId, changeSeq } = event.message;
      record(tally, person.index, roomOfSub[frame.id]!, seq, clientId, frame.result.id, changeSeq);
    });
    // A process that dies resets its sockets: expected (BENCH_KILL_AT), not a crash of the benchmark.
    ws.on("error", () => undefined);
    return new Promise((resolve, reject) => {
      ws.once("error", reject);
      ws.once("open", () => {
        onOpen?.();
        const seen = tally.seen.get(person.index);
        const subscribe = (id: number, path: string, input: object, room?: number) => {
          // Rooms start empty: a first subscription resumes from change 0, so what is sent
          // to a room before this tab has seen anything of it is still caught up.
          const lastEventId = room === undefined ? undefined : (seen?.get(room)?.lastChange ?? "0");
          ws.send(
            JSON.stringify({ id, method: "subscription", params: { path, input: { json: input }, lastEventId } }),
          );
        };
        subscribe(1, "chat.onInbox", {});
        subscribe(2, "chat.onRoom", { roomId: person.pairRoom }, person.pairRoom);
        subscribe(3, "chat.onRoom", { roomId: person.studyRoom }, person.studyRoom);
        // The chat page also watches the presence of the people it lists.
        subscribe(4, "presence.watch", { userIds: [person.partnerId] });
        resolve();
      });
    });
  }
  // Sends go over the sender's own websocket, as the web client sends chat calls: the
  // socket is signed in once, so a message costs no session lookup.
  let nextCallId = 100;
  /** `react`: the reacted message's seq (a reaction), else null. */
  const pendingSends = new Map<number, { clientId: string; room: number; sender: number; react: number | null }>();
  const send = (person: Person, room: number, clientId: string, action: Action = { type: "message" }) => {
    const ws = sockets.get(person.index);
    if (ws?.readyState !== WebSocket.OPEN) return;
    const id = nextCallId++;
    pendingSends.set(id, { clientId, room, sender: person.index, react: action.type === "react" ? action.seq : null });
    if (action.type === "react") {
      const input = { roomId: room, seq: action.seq, emoji: action.emoji };
      ws.send(JSON.stringify({ id, method: "mutation", params: { path: "chat.react", input: { json: input } } }));
      return;
    }
    tally.sentAt.set(clientId, { at: performance.now(), room, sender: person.index });
    if (action.type === "reply") tally.replies++;
    const input = {
      roomId: room,
      clientId,
      body: `hello ${clientId.slice(0, 8)}`,
      imageIds: [],
      ...(action.type === "reply" ? { replyToSeq: action.seq } : {}),
    };
    ws.send(JSON.stringify({ id, method: "mutation", params: { path: "chat.send", input: { json: input } } }));
  };
  const answered = (callId: number, ok: boolean, text: string) => {
    const pending = pendingSends.get(callId);
    if (pending === undefined) return;
    pendingSends.delete(callId);
    if (ok && pending.react !== null) {
      // The change it made (an emoji already there from this person changes nothing: its old id).
      const change = (JSON.parse(text) as { result: { data: { json: { changeSeq: number } } } }).result.data.json
        .changeSeq;
      const key = `${pending.room}:${change}`;
      if (!tally.reactions.has(key)) {
        tally.reactions.set(key, { room: pending.room, seq: pending.react, sender: pending.sender });
      }
      return void tally.acked++;
    }
    if (ok) return void tally.acked++;
    tally.failedSends++;
    tally.sentAt.delete(pending.clientId);
    if (tally.failedSends <= 3) console.error("send refused", text.slice(0, 300));
  };

  try {
    // Warm up, then measure the heap with every socket connected and subscribed, idle.
    const warm = people.slice(-WARM_UP_SOCKETS);
    await openAll(warm, (p) => connect(p));
    await warmUpSends(warm, tally, send);
    await sleep(1000);
    for (const p of warm) sockets.get(p.index)!.terminate();
    await sleep(1000);
    await connectAndLeave(people, (p) => connect(p), sockets);
    tally = newTally();
    const kibPerSocket = await idleHeap(
      people,
      (p) => connect(p),
      async () => (await Promise.all(apis.map((api) => api.heapKiB()))).reduce((a, b) => a + b, 0),
    );

    // Person 0 goes offline for OFFLINE_MS; their study room gets CATCH_UP_MESSAGES meanwhile.
    const away = people[0]!;
    tally.away.add(away.index);
    const studyMates = (membersOf.get(away.studyRoom) ?? []).filter((p) => p !== away);
    const offlineAt = 10_000;
    let catchUpSent = 0;
    let backAt = 0;
    const catchUp: { done: Promise<number> | null; missed: number } = { done: null, missed: 0 };
    const extra = (elapsed: number) => {
      if (elapsed >= offlineAt && sockets.get(away.index)?.readyState === WebSocket.OPEN && catchUpSent === 0) {
        sockets.get(away.index)!.terminate();
      }
      const due = Math.min(
        CATCH_UP_MESSAGES,
        Math.floor(((elapsed - offlineAt) / (OFFLINE_MS - 1000)) * CATCH_UP_MESSAGES),
      );
      while (elapsed >= offlineAt && catchUpSent < due) {
        send(studyMates[catchUpSent % studyMates.length]!, away.studyRoom, randomUUID());
        catchUpSent++;
      }
      if (!catchUp.done && elapsed >= offlineAt + OFFLINE_MS) {
        catchUp.done = (async () => {
          // Everything sent to the room while away (the 500, and the load's share).
          const seen = tally.seen.get(away.index)?.get(away.studyRoom)?.clientIds ?? new Set<string>();
          const missed = [...tally.sentAt].filter(([id, sent]) => sent.room === away.studyRoom && !seen.has(id));
          catchUp.missed = missed.length;
          await connect(away, () => (backAt = performance.now()));
          for (let i = 0; i < 2000; i++) {
            const now = tally.seen.get(away.index)?.get(away.studyRoom)?.clientIds;
            if (missed.every(([id]) => now?.has(id))) return performance.now() - backAt;
            await sleep(1);
          }
          return NaN;
        })();
      }
    };
    const kill = killAndMove(people, apis, tally, connect, () => startApi("api-1-again", env));
    await runLoad(people, tally, send, (elapsed) => {
      extra(elapsed);
      kill.tick(elapsed);
    });
    const catchUpMs = catchUp.done ? await catchUp.done : NaN;
    const killed = await kill.done();
    await drain(tally, membersOf);
    const mibPerProcess = await Promise.all(apis.map(async (api) => (await api.heapKiB()) / 1024));
    return { tally, kibPerSocket, catchUpMs, catchUpSent, catchUpMissed: catchUp.missed, killed, mibPerProcess };
  } finally {
    for (const ws of sockets.values()) ws.terminate();
    await Promise.all(apis.map((api) => api.stop()));
  }
}

/**
 * BENCH_KILL_AT: the second process is killed mid-load; its tabs reconnect through the
 * first and resume from their last ids; the time until every one of them has its four
 * subscriptions started again is what a process crash costs. The killed process is
 * then started again (it takes no tabs back).
 */
function killAndMove(
  people: Person[],
  apis: Awaited<ReturnType<typeof startApi>>[],
  tally: Tally,
  connect: (person: Person, onOpen?: () => void, onLive?: () => void) => Promise<void>,
  restart: () => ReturnType<typeof startApi>,
) {
  let result: Promise<{ tabs: number; allLiveMs: number } | null> | null = null;
  return {
    tick(elapsedMs: number) {
      if (KILL_AT === null || result || elapsedMs < KILL_AT * 1000) return;
      result = (async () => {
        const moved = people.filter((p) => p.side === 1 && !tally.away.has(p.index));
        const killedAt = performance.now();
        apis[1]!.child.kill("SIGKILL");
        let live = 0;
        let allLive!: () => void;
        const everyone = new Promise<void>((resolve) => (allLive = resolve));
        for (const person of moved) person.side = 0;
        // Clients come back with a little jitter (tRPC's wsLink retries after a delay).
        const reconnect = async (person: Person): Promise<void> => {
          // As a client does: a refused connection (the survivor's accept queue is full) is tried again.
          for (let attempt = 0; ; attempt++) {
            try {
              return await connect(person, undefined, () => {
                tally.backAt.set(person.index, performance.now());
                if (++live === moved.length) allLive();
              });
            } catch (error) {
              if (attempt >= 20) throw error;
              await sleep(250 + Math.random() * 500);
            }
          }
        };
        await openAllJittered(moved, reconnect);
        await Promise.race([everyone, sleep(120_000)]);
        const allLiveMs = live === moved.length ? performance.now() - killedAt : NaN;
        apis[1] = await restart();
        return { tabs: moved.length, allLiveMs };
      })();
    },
    done: () => result ?? Promise.resolve(null),
  };
}

async function openAllJittered<T>(items: T[], open: (item: T) => Promise<void>) {
  await Promise.all(items.map(async (item) => (await sleep(Math.random() * 1000), open(item))));
}

// ── The raw relay ──
async function benchRaw(people: Person[], membersOf: Map<number, Person[]>) {
  const relay = await startProbed("raw", path.join(repoRoot, "bench"), ["raw-chat-server.mjs"], {}, "/ready");
  const url = relay.url;
  let tally = newTally();
  const sockets = new Map<number, WebSocket>();
  const connect = (person: Person) =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url.replace("http", "ws"), { headers: { origin: url } });
      sockets.set(person.index, ws);
      ws.on("message", (data: Buffer) => {
        const frame = JSON.parse(data.toString("utf8")) as {
          id: number;
          result: { id: string; data: { json: { data: { message: { seq: number; clientId: string } } } } };
        };
        const { seq, clientId } = frame.result.data.json.data.message;
        record(tally, person.index, frame.id, seq, clientId, frame.result.id);
      });
      ws.once("error", reject);
      ws.once("open", () => {
        ws.send(JSON.stringify({ join: [person.pairRoom, person.studyRoom] }));
        resolve();
      });
    });
  // Every action (a reaction too) is one relayed frame: what a relay does with it.
  const send = (person: Person, room: number, clientId: string) => {
    tally.sentAt.set(clientId, { at: performance.now(), room, sender: person.index });
    sockets.get(person.index)!.send(JSON.stringify({ room, clientId, body: `hello ${clientId.slice(0, 8)}` }));
  };
  try {
    const warm = people.slice(-WARM_UP_SOCKETS);
    await openAll(warm, connect);
    await warmUpSends(warm, tally, send);
    await sleep(1000);
    for (const p of warm) sockets.get(p.index)!.terminate();
    await sleep(1000);
    await connectAndLeave(people, connect, sockets);
    tally = newTally();
    const kibPerSocket = await idleHeap(people, connect, () => relay.heapKiB());
    await runLoad(people, tally, send);
    await drain(tally, membersOf);
    return { tally, kibPerSocket };
  } finally {
    for (const ws of sockets.values()) ws.terminate();
    await relay.stop();
  }
}

const { people, membersOf } = await seedChatPeople({
  server,
  name: DATABASE_NAME,
  users: USERS,
  studySize: STUDY_SIZE,
});
console.log(
  `\n${USERS} signed-in sockets (${USERS / 2} pairs, ${USERS / STUDY_SIZE} study rooms of ${STUDY_SIZE}), ` +
    `${RATE} messages/s for ${SECONDS} s` +
    (DELIVERIES ? ` (≈ ${DELIVERIES} deliveries/s)` : "") +
    (KILL_AT !== null ? `; the second API process is killed ${KILL_AT} s in` : ""),
);
const orgo = await benchOrgo(people, membersOf);
const raw = await benchRaw(people, membersOf);
console.log(
  "\nside                    sent  deliveries   p50 ms   p99 ms   max ms  lost  dup  order  KiB/idle socket (all, 2nd half)",
);
for (const [name, side] of [
  ["OrGo (2 processes)", orgo],
  ["raw ws (1 process)", raw],
] as const) {
  const l = side.tally.latencies.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(20)} ${String(side.tally.sentAt.size).padStart(7)} ${String(l.length).padStart(11)} ` +
      `${percentile(l, 0.5).toFixed(1).padStart(8)} ${percentile(l, 0.99).toFixed(1).padStart(8)} ${(l.at(-1) ?? NaN).toFixed(1).padStart(8)} ` +
      `${String(lostOf(side.tally, membersOf)).padStart(5)} ${String(side.tally.duplicated).padStart(4)} ${String(side.tally.outOfOrder).padStart(6)} ` +
      `${side.kibPerSocket.all.toFixed(1).padStart(16)} ${side.kibPerSocket.marginal.toFixed(1).padStart(9)}`,
  );
}
const late = [...orgo.tally.lateBySecond].sort((a, b) => b[1] - a[1]).slice(0, 10);
console.log(
  `OrGo's deliveries later than 50 ms, by second of the load they were sent in (worst first): ` +
    (late.map(([second, count]) => `${second} s: ${count}`).join(", ") || "none"),
);
if (orgo.tally.failedSends) console.log(`sends refused or failed: ${orgo.tally.failedSends} (not counted above)`);
console.log(
  `mix: ${orgo.tally.replies} replies among the messages, ${orgo.tally.reactions.size} reactions that changed a message ` +
    `(${orgo.tally.changesDelivered} deliveries of them, ${lostReactionsOf(orgo.tally, membersOf)} members never had one)` +
    (MIX.react === 0 ? " (BENCH_MIX=plain)" : ""),
);
console.log(
  `catch-up: ${orgo.catchUpMissed} messages missed in a study room during ${OFFLINE_MS / 1000} s offline ` +
    `(${orgo.catchUpSent} sent there on purpose), all received ${orgo.catchUpMs.toFixed(0)} ms after the socket reopened`,
);
if (orgo.killed) {
  console.log(
    `kill: ${orgo.killed.tabs} tabs of the killed process reconnected through the other and were all live ` +
      `(4 subscriptions started) ${orgo.killed.allLiveMs.toFixed(0)} ms after the kill; ` +
      `${orgo.tally.caughtUp} deliveries caught up on reconnect (not in the latencies)`,
  );
}
console.log(`heap per API process at the end: ${orgo.mibPerProcess.map((m) => `${m.toFixed(0)} MiB`).join(", ")}`);
const p99 = (t: Tally) =>
  percentile(
    [...t.latencies].sort((a, b) => a - b),
    0.99,
  );
console.log(
  `ratios (OrGo / raw): p99 ${(p99(orgo.tally) / p99(raw.tally)).toFixed(1)}×, ` +
    `memory per idle socket ${(orgo.kibPerSocket.all / raw.kibPerSocket.all).toFixed(1)}× over all sockets, ` +
    `${(orgo.kibPerSocket.marginal / raw.kibPerSocket.marginal).toFixed(1)}× for the second half`,
);
