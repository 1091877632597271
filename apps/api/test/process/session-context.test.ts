import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import {
  createSessionService,
  SESSION_TTL_MS,
  type SessionService,
} from "../../src/platform/sessions/session.service.js";
import { startTestApp } from "../helpers/app.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { waitFor } from "../helpers/wait.js";

describe("the session cookie, on HTTP and on the websocket upgrade", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  let sessions: SessionService;
  let userId: string;

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url });
    sessions = createSessionService({ db: app.db });
    userId = (await app.db.user.findUniqueOrThrow({ where: { handle: "jiwoo" } })).id;
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  it("makes auth.me the cookie's user over HTTP, with the own e-mail", async () => {
    const { token } = await sessions.create(userId);
    const { client } = createTestClient(app.url, app.url, `orgo_session=${token}`);
    expect(await client.auth.me.query()).toMatchObject({ handle: "jiwoo", email: "jiwoo@orgo.dev" });
    expect(await createTestClient(app.url).client.auth.me.query()).toBeNull();
  });

  it("resolves the same session from the websocket upgrade request", async () => {
    const { token } = await sessions.create(userId);
    const { wsOnly, wsClient } = createTestClient(app.url, app.url, `orgo_session=${token}`);
    expect(await wsOnly.auth.me.query()).toMatchObject({ handle: "jiwoo" });
    await wsClient.close();
    const anonymous = createTestClient(app.url);
    expect(await anonymous.wsOnly.auth.me.query()).toBeNull();
    await anonymous.wsClient.close();
  });

  it("clears a cookie that names no valid session", async () => {
    const response = await fetch(`${app.url}/trpc/auth.me`, {
      headers: { cookie: `orgo_session=${"a".repeat(24)}.${"b".repeat(24)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/^orgo_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it("re-sends a renewed cookie, HttpOnly and SameSite=Lax, once half the lifetime is used", async () => {
    const { token, session } = await sessions.create(userId);
    await app.db.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() + SESSION_TTL_MS / 2 - 60_000) },
    });
    const response = await fetch(`${app.url}/trpc/auth.me`, { headers: { cookie: `orgo_session=${token}` } });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`orgo_session=${token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]!).getTime();
    expect(Math.abs(expires - (Date.now() + SESSION_TTL_MS))).toBeLessThan(60_000);
  });

  it("treats a deleted session as signed out at once", async () => {
    const { token, session } = await sessions.create(userId);
    await sessions.invalidate(session.id);
    const { client } = createTestClient(app.url, app.url, `orgo_session=${token}`);
    expect(await client.auth.me.query()).toBeNull();
  });
});

describe("signing up, in and out over HTTP", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url, seed: false });
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  async function post(procedure: string, body: unknown, cookie?: string) {
    return fetch(`${app.url}/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ json: body }),
    });
  }

  it("signs up with the mailed code, is signed in by the cookie, and signs out", async () => {
    const email = "new.learner@example.com";
    const started = await post("auth.signUpStart", {
      email,
      password: "long enough",
      handle: "new_learner",
      displayName: "New",
    });
    expect(started.status).toBe(200);
    expect(await started.text()).not.toMatch(/"\d{6}"/);
    // The sign-up belongs to this browser: an HttpOnly cookie it must bring back with the code.
    const signUpCookie = started.headers.get("set-cookie") ?? "";
    expect(signUpCookie).toMatch(
      /^orgo_signup=[0-9a-f-]{36}\.[a-z2-9]{24}; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/,
    );
    await waitFor(() => app.outbox!.messages.some((m) => m.to === email), "the code mail");
    const code = /\b(\d{6})\b/.exec(app.outbox!.messages.at(-1)!.subject)![1]!;

    // The right code from another browser (no cookie) is refused.
    expect((await post("auth.signUpVerify", { email, code })).status).toBe(400);
    const verified = await post("auth.signUpVerify", { email, code }, signUpCookie.split(";")[0]);
    expect(verified.status).toBe(200);
    const setCookies = verified.headers.getSetCookie();
    expect(setCookies[0]).toMatch(
      /^orgo_session=[a-z2-9]{24}\.[a-z2-9]{24}; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/,
    );
    // This browser is now one that signed in to the account, and its sign-up cookie is gone.
    expect(setCookies).toContainEqual(
      expect.stringMatching(/^orgo_device=[0-9a-f-]{36}\.[a-z2-9]{24}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/),
    );
    expect(setCookies).toContainEqual(expect.stringMatching(/^orgo_signup=; Max-Age=0/));
    const cookie = setCookies[0]!.split(";")[0]!;

    const { client } = createTestClient(app.url, app.url, cookie);
    expect(await client.auth.me.query()).toMatchObject({ handle: "new_learner", email });

    const signedOut = await post("auth.signOut", null, cookie);
    expect(signedOut.status).toBe(200);
    expect(signedOut.headers.get("set-cookie")).toMatch(/^orgo_session=; Max-Age=0/);
    expect(await client.auth.me.query()).toBeNull();
  });

  it("refuses a cross-origin sign-in before checking the password", async () => {
    const response = await fetch(`${app.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ json: { email: "new.learner@example.com", password: "long enough" } }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("answers a wrong password with 401 and the generic message", async () => {
    const response = await post("auth.signIn", { email: "new.learner@example.com", password: "not it at all" });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Wrong e-mail or password");
  });
});
