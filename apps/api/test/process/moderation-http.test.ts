import WebSocket from "ws";
import { describe, expect, it } from "vitest";
import { appRouter } from "@orgo/api-contract/server";
import { DEMO_PASSWORD } from "@orgo/db";
import { SESSION_ENDED_CLOSE_CODE } from "../../src/platform/live/session-sockets.js";
import { subscribeRaw } from "../helpers/live-subscription.js";
import { appCodeOf, rawTrpc } from "../helpers/raw-trpc.js";
import { redisUrlForTests } from "../helpers/redis.js";
import { twoSeededProcesses } from "../helpers/two-processes.js";
import { waitFor } from "../helpers/wait.js";

const redisUrl = await redisUrlForTests();

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
/** What members use themselves: reporting, their reports, decisions about them, their standing. */
const forMembers = new Set([
  "moderation.report",
  "moderation.myReports",
  "moderation.myDecision",
  "moderation.appeal",
  "moderation.me",
]);
const staffOnly = procedures.filter(([path]) => path.startsWith("moderation.") && !forMembers.has(path));
const adminOnly = procedures.filter(([path]) => path.startsWith("admin."));

/**
 * Moderation over the wire, on two API processes sharing Redis (as in production):
 * who may call what, and a suspension decided on one process ending the person's
 * sockets on the other.
 */
describe.skipIf(!redisUrl)("moderation across two API processes", () => {
  const t = twoSeededProcesses(redisUrl!, ["jiwoo", "sara_k", "mina_mod", "ara_admin"]);
  const { api, ok } = t;

  /** Every procedure of `list` as `handle` (null: anonymous): its status and domain code. */
  async function callAll(handle: string | null, list: [string, ProcedureDef][]) {
    const answers: Record<string, string> = {};
    for (const [path, procedure] of list) {
      if (procedure._def.type === "subscription") {
        const sub = subscribeRaw(t.p1.url, handle ? t.cookies[handle]! : null, path, undefined, t.openSockets);
        await waitFor(() => sub.error() !== null || sub.started(), `${path} answered`);
        answers[path] = sub.error()?.match(/"code":"([A-Z_]+)"/)?.[1] ?? "started";
        continue;
      }
      const caller = handle ? api(t.p1, handle) : rawTrpc(t.p1.url);
      const answer = procedure._def.type === "query" ? await caller.query(path, {}) : await caller.mutate(path, {});
      answers[path] = `${answer.status} ${appCodeOf(answer.body)}`;
    }
    return answers;
  }
  /** The same refusal from every procedure: `http` over HTTP, `ws` (tRPC's code) for a subscription. */
  const all = (list: [string, ProcedureDef][], http: string, ws: string) =>
    Object.fromEntries(list.map(([path, p]) => [path, p._def.type === "subscription" ? ws : http]));

  it("refuses every moderation procedure to members and visitors, and every admin one to moderators", async () => {
    // Named, so a new procedure is placed on purpose (a member's own, or staff's).
    expect(staffOnly.map(([path]) => path.slice("moderation.".length)).sort()).toEqual([
      "case",
      "claim",
      "decide",
      "decideAppeal",
      "onQueue",
      "queue",
      "release",
    ]);
    expect(adminOnly.map(([path]) => path.slice("admin.".length)).sort()).toEqual([
      "addWordRule",
      "audit",
      "dashboard",
      "removeWordRule",
      "setRole",
      "staff",
      "wordRules",
    ]);
    const staffAndAdmin = [...staffOnly, ...adminOnly];
    expect(await callAll(null, staffAndAdmin)).toEqual(all(staffAndAdmin, "401 UNAUTHENTICATED", "UNAUTHORIZED"));
    expect(await callAll("jiwoo", staffAndAdmin)).toEqual(all(staffAndAdmin, "403 FORBIDDEN", "FORBIDDEN"));
    expect(await callAll("mina_mod", adminOnly)).toEqual(all(adminOnly, "403 FORBIDDEN", "FORBIDDEN"));
    // A moderator reads the queue; nobody makes an admin from the client, not even an admin.
    expect((await api(t.p1, "mina_mod").query("moderation.queue", {})).status).toBe(200);
    const makeAdmin = await api(t.p1, "ara_admin").mutate("admin.setRole", {
      handle: "mina_mod",
      role: "admin",
      reason: "promotion",
    });
    expect([makeAdmin.status, appCodeOf(makeAdmin.body)]).toEqual([400, "VALIDATION"]);
    const unmakeAdmin = await api(t.p1, "ara_admin").mutate("admin.setRole", {
      handle: "ara_admin",
      role: "member",
      reason: "x",
    });
    expect([unmakeAdmin.status, appCodeOf(unmakeAdmin.body)]).toEqual([403, "FORBIDDEN"]);
  });

  it("ends a suspended person's sockets on the other process, and their sign-in says until when and why", async () => {
    // Sara is on process 2 with a live socket; the report and the decision go to process 1.
    const socket = new WebSocket(`${t.p2.url.replace("http", "ws")}/trpc`, {
      headers: { origin: t.p2.url, cookie: t.cookies.sara_k! },
    });
    t.openSockets.push(socket);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    const closed = new Promise<[number, string]>((resolve) =>
      socket.once("close", (code, reason) => resolve([code, reason.toString()])),
    );
    const post = await ok<{ id: number }>(
      api(t.p2, "sara_k").mutate("post.create", { title: "Buy my course", body: "Spam spam", imageIds: [] }),
    );
    await ok(api(t.p1, "jiwoo").mutate("moderation.report", { target: { kind: "post", id: post.id }, reason: "spam" }));
    const queue = await ok<{ items: { id: number; target: { key: string } }[] }>(
      api(t.p1, "mina_mod").query("moderation.queue", {}),
    );
    const caseId = queue.items.find((c) => c.target.key === String(post.id))!.id;
    await ok(
      api(t.p1, "mina_mod").mutate("moderation.decide", {
        caseId,
        action: "suspend",
        reason: "Spam after a warning",
        suspension: { length: "day", hideContent: false },
      }),
    );
    expect(await closed).toEqual([SESSION_ENDED_CLOSE_CODE, "Session ended"]);
    expect((await api(t.p2, "sara_k").query("auth.me")).body).toMatchObject({ result: { data: { json: null } } });
    const signIn = await rawTrpc(t.p2.url).mutate("auth.signIn", {
      email: "sara@orgo.dev",
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(403);
    const data = (signIn.body as { error: { json: { data: { suspension: { until: string; reason: string } } } } }).error
      .json.data;
    expect(data.suspension.reason).toBe("Spam after a warning");
    expect(new Date(data.suspension.until).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
  });
});
