import type WebSocket from "ws";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { startProcess, stopProcess } from "./processes.js";
import { cookieFor } from "./sessions.js";
import { rawTrpc } from "./raw-trpc.js";

type Process = Awaited<ReturnType<typeof startProcess>>;

/**
 * Two real API processes on one fresh, seeded database and one Redis, for the
 * describe block it is called in: started before its tests, stopped after them (each
 * must exit 0), with the seeded people's cookies and ids, a raw tRPC caller, and the
 * sockets a test opened closed after each test.
 */
export function twoSeededProcesses(
  redisUrl: string,
  handles = ["jiwoo", "leo_builds", "sara_k"],
  /** More environment for both processes (a push service's host, an SMTP server). */
  extraEnv: Record<string, string> = {},
) {
  const t = {
    fresh: undefined as unknown as FreshDatabase,
    p1: undefined as unknown as Process,
    p2: undefined as unknown as Process,
    cookies: {} as Record<string, string>,
    ids: {} as Record<string, string>,
    /** Every socket a test opened: closed after each test, even one that failed half-way. */
    openSockets: [] as WebSocket[],
    api: (process: { url: string }, handle: string) => rawTrpc(process.url, { cookie: t.cookies[handle] }),
    /** The answer's data, after checking it is a 200. */
    ok: async <T>(answer: Promise<{ status: number; body: unknown; text: string }>): Promise<T> => {
      const done = await answer;
      expect(done.status, done.text).toBe(200);
      return (done.body as { result: { data: { json: T } } }).result.data.json;
    },
  };
  beforeAll(async () => {
    t.fresh = await freshDatabase();
    const env = {
      NODE_ENV: "test",
      DATABASE_URL: t.fresh.url,
      REDIS_URL: redisUrl,
      SEED_DEMO_DATA: "true",
      ...extraEnv,
    };
    t.p1 = await startProcess(env);
    t.p2 = await startProcess(env);
    for (const handle of handles) {
      t.cookies[handle] = await cookieFor(t.fresh.db, handle);
      t.ids[handle] = (await t.fresh.db.user.findUniqueOrThrow({ where: { handle } })).id;
    }
  });
  afterEach(() => {
    for (const socket of t.openSockets.splice(0)) socket.terminate();
  });
  afterAll(async () => {
    const started = [t.p1, t.p2].filter(Boolean);
    const codes = await Promise.all(started.map((p) => stopProcess(p.child)));
    await t.fresh?.drop();
    expect(codes, started.map((p) => p.output()).join("\n")).toEqual([0, 0]);
  });
  return t;
}
