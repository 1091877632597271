import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { redisUrlForTests } from "../helpers/redis.js";
import { browserAvailable, launchBrowser, screenshotPath } from "../helpers/browser.js";
import { startProcess, stopProcess } from "../helpers/processes.js";
import { cookieFor } from "../helpers/sessions.js";
import { createTestClient } from "../helpers/trpc-client.js";
import WebSocket from "ws";
import { createSessionService } from "../../src/platform/sessions/session.service.js";
import { SESSION_ENDED_CLOSE_CODE } from "../../src/platform/live/session-sockets.js";

const redisUrl = await redisUrlForTests();

describe.skipIf(!redisUrl || !browserAvailable())("two API processes sharing PostgreSQL and Redis", () => {
  let fresh: FreshDatabase;
  let a: Awaited<ReturnType<typeof startProcess>>;
  let b: Awaited<ReturnType<typeof startProcess>>;
  let browser: Browser;

  beforeAll(async () => {
    fresh = await freshDatabase();
    const env = { NODE_ENV: "test", DATABASE_URL: fresh.url, REDIS_URL: redisUrl!, SEED_DEMO_DATA: "true" };
    // One after the other: the first migrates and seeds, the second finds it done.
    a = await startProcess(env);
    b = await startProcess(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    const codes = await Promise.all([a, b].filter(Boolean).map((p) => stopProcess(p.child)));
    await fresh?.drop();
    // Graceful shutdown on SIGTERM exits 0.
    expect(codes, `${a?.output()}\n${b?.output()}`).toEqual([0, 0]);
  });

  it("shows live, in a browser on process B, a post created through process A", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    await page.goto(b.url);
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    // The feed's first rows (the app starts after the first paint, and a busy machine
    // takes more than expect.poll's one second to fetch them).
    await page.locator('[data-testid="post-list"] li').first().waitFor();

    const { client } = createTestClient(a.url, a.url, await cookieFor(fresh.db, "demo"));
    await client.post.create.mutate({ title: "Created on process A", body: "Seen on process B." });
    // Announced without moving the list, then put at the top on click.
    await page.getByRole("button", { name: "↑ Show new posts (1)" }).click({ timeout: 10_000 });
    const first = page.locator('[data-testid="post-list"] li').first();
    await expect.poll(() => first.textContent()).toContain("Created on process A");
    await page.screenshot({ path: screenshotPath("08-scale-out-live-across-processes") });
  });

  it("closes, on process B, the websocket of a session signed out through process A", async () => {
    const user = await fresh.db.user.findUniqueOrThrow({ where: { handle: "sara_k" } });
    const { token } = await createSessionService({ db: fresh.db }).create(user.id);
    const cookie = `orgo_session=${token}`;

    const socket = new WebSocket(`${b.url.replace("http", "ws")}/trpc`, { headers: { origin: b.url, cookie } });
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    const firstReply = new Promise<string>((resolve) =>
      socket.once("message", (data: Buffer) => resolve(data.toString())),
    );
    await new Promise((resolve) => socket.once("open", resolve));
    // A call over the socket proves the upgrade's cookie made us sara_k on B.
    socket.send(JSON.stringify({ id: 1, method: "query", params: { path: "auth.me", input: { json: null } } }));
    expect(await firstReply).toContain('"handle":"sara_k"');

    const signOut = await fetch(`${a.url}/trpc/auth.signOut`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: a.url, cookie },
      body: JSON.stringify({ json: null }),
    });
    expect(signOut.status).toBe(200);
    expect(await closed).toBe(SESSION_ENDED_CLOSE_CODE);
  });
});
