import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createHash } from "node:crypto";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { createSessionService } from "../../src/platform/sessions/session.service.js";
import { startTestApp } from "../helpers/app.js";

/** GitHub's and Google's endpoints, answered here: no test touches the network. */
const github = {
  user: { id: 4242, login: "Octo-Cat", name: "Octo Cat" as string | null, email: null as string | null },
  emails: [{ email: "octo@example.com", primary: true, verified: true }],
  tokenError: null as string | null,
};
let googleClaims: Record<string, unknown> = {};
let googleTokenRequest: URLSearchParams | null = null;

const unsignedJwt = (claims: Record<string, unknown>) =>
  [{ alg: "RS256", typ: "JWT" }, claims, "signature"]
    .map((part) => Buffer.from(typeof part === "string" ? part : JSON.stringify(part)).toString("base64url"))
    .join(".");

const providers = setupServer(
  http.post("https://github.com/login/oauth/access_token", () =>
    // GitHub answers a refused code with 200 and an error body.
    github.tokenError
      ? HttpResponse.json({ error: github.tokenError, error_description: "The code passed is incorrect or expired." })
      : HttpResponse.json({ access_token: "gho_test", token_type: "bearer", scope: "read:user,user:email" }),
  ),
  http.get("https://api.github.com/user", ({ request }) =>
    request.headers.get("authorization") === "Bearer gho_test"
      ? HttpResponse.json(github.user)
      : HttpResponse.json({ message: "Bad credentials" }, { status: 401 }),
  ),
  http.get("https://api.github.com/user/emails", () => HttpResponse.json(github.emails)),
  http.post("https://oauth2.googleapis.com/token", async ({ request }) => {
    googleTokenRequest = new URLSearchParams(await request.text());
    return HttpResponse.json({
      access_token: "ya29.test",
      token_type: "Bearer",
      expires_in: 3600,
      id_token: unsignedJwt(googleClaims),
    });
  }),
);

describe("GitHub and Google sign-in, the whole callback against mocked providers", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    providers.listen({
      onUnhandledRequest: (request, print) => {
        if (!["127.0.0.1", "localhost"].includes(new URL(request.url).hostname)) print.error();
      },
    });
    fresh = await freshDatabase();
    app = await startTestApp({
      databaseUrl: fresh.url,
      env: {
        GITHUB_CLIENT_ID: "gh-client",
        GITHUB_CLIENT_SECRET: "gh-secret",
        GOOGLE_CLIENT_ID: "google-client",
        GOOGLE_CLIENT_SECRET: "google-secret",
      },
    });
  });
  afterEach(() => {
    github.user = { id: 4242, login: "Octo-Cat", name: "Octo Cat", email: null };
    github.emails = [{ email: "octo@example.com", primary: true, verified: true }];
    github.tokenError = null;
  });
  afterAll(async () => {
    providers.close();
    await app?.stop();
    await fresh?.drop();
  });

  const cookiesOf = (response: Response) => response.headers.getSetCookie();
  const cookieValue = (response: Response, name: string) =>
    cookiesOf(response)
      .find((c) => c.startsWith(`${name}=`))
      ?.split(";")[0]
      ?.slice(name.length + 1);

  /** Starts at /auth/<provider>, "consents", and follows the callback; answers where it lands. */
  async function signInWith(
    provider: "github" | "google",
    options: { returnTo?: string; cookie?: string; callback?: (state: string) => string } = {},
  ) {
    const start = await fetch(
      `${app.url}/auth/${provider}${options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ""}`,
      { redirect: "manual", headers: options.cookie ? { cookie: options.cookie } : {} },
    );
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get("location")!);
    const flowCookie = cookiesOf(start).find((c) => c.startsWith("orgo_oauth="))!;
    expect(flowCookie).toMatch(/HttpOnly/);
    expect(flowCookie).toMatch(/Path=\/auth/);
    expect(flowCookie).toMatch(/Max-Age=600/);
    const state = authorize.searchParams.get("state")!;
    const query = options.callback ? options.callback(state) : `code=good-code&state=${state}`;
    const callback = await fetch(`${app.url}/auth/${provider}/callback?${query}`, {
      redirect: "manual",
      headers: { cookie: [flowCookie.split(";")[0], options.cookie].filter(Boolean).join("; ") },
    });
    expect(callback.status).toBe(303);
    // The flow cookie is deleted on every path of the callback.
    expect(cookiesOf(callback).find((c) => c.startsWith("orgo_oauth="))).toMatch(/Max-Age=0/);
    return {
      authorize,
      callback,
      location: callback.headers.get("location")!,
      session: cookieValue(callback, "orgo_session"),
    };
  }

  it("sends the browser to GitHub with our client id, callback URL and scopes", async () => {
    const { authorize } = await signInWith("github");
    expect(authorize.origin + authorize.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(authorize.searchParams.get("client_id")).toBe("gh-client");
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${app.url}/auth/github/callback`);
    expect(authorize.searchParams.get("scope")).toBe("read:user user:email");
  });

  it("creates an account for a new GitHub user with a private e-mail, then signs the same user in again", async () => {
    github.user = { id: 1001, login: "private-person", name: "Private Person", email: null };
    github.emails = [
      { email: "old@example.com", primary: false, verified: true },
      { email: "Private@Example.com", primary: true, verified: true },
    ];
    const first = await signInWith("github", { returnTo: "/posts/1" });
    // A new account's first steps, then back to the post.
    expect(first.location).toBe("/welcome?next=%2Fposts%2F1&oauth=created");
    expect(first.session).toBeTruthy();
    const user = await app.db.user.findUniqueOrThrow({
      where: { email: "private@example.com" },
      include: { oauthAccounts: true },
    });
    expect(user).toMatchObject({ handle: "private_person", displayName: "Private Person", passwordHash: null });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.oauthAccounts).toMatchObject([{ provider: "github", providerUserId: "1001" }]);

    // The e-mail changed at GitHub meanwhile: the identity, not the address, decides.
    github.emails = [{ email: "renamed@example.com", primary: true, verified: true }];
    const again = await signInWith("github", { returnTo: "/posts/1" });
    expect(again.location).toBe("/posts/1");
    const me = await fetch(`${app.url}/trpc/auth.me`, { headers: { cookie: `orgo_session=${again.session}` } });
    expect(JSON.stringify(await me.json())).toContain(user.id);
  });

  it("links to an existing account whose e-mail is verified on both sides", async () => {
    const existing = await app.db.user.create({
      data: { handle: "verified_one", displayName: "V", email: "verified@example.com", emailVerifiedAt: new Date() },
    });
    github.user = { id: 2002, login: "verified", name: null, email: null };
    github.emails = [{ email: "verified@example.com", primary: true, verified: true }];
    const result = await signInWith("github");
    expect(result.location).toBe("/?oauth=linked");
    expect(await app.db.oAuthAccount.findMany({ where: { userId: existing.id } })).toHaveLength(1);
  });

  it("refuses to link to an account whose e-mail was never verified", async () => {
    github.user = { id: 3003, login: "jiwoo-gh", name: null, email: null };
    github.emails = [{ email: "jiwoo@orgo.dev", primary: true, verified: true }];
    const result = await signInWith("github");
    expect(result.location).toBe("/signin?oauth=link_refused");
    expect(result.session).toBeUndefined();
    expect(await app.db.oAuthAccount.count({ where: { providerUserId: "3003" } })).toBe(0);
  });

  it("refuses a GitHub account without a verified primary e-mail", async () => {
    github.user = { id: 4004, login: "unverified", name: null, email: "public@example.com" };
    github.emails = [
      { email: "unverified@example.com", primary: true, verified: false },
      { email: "other@example.com", primary: false, verified: true },
    ];
    const result = await signInWith("github");
    expect(result.location).toBe("/signin?oauth=email_unverified");
    expect(await app.db.user.count({ where: { email: { in: ["unverified@example.com", "other@example.com"] } } })).toBe(
      0,
    );
  });

  it("brings a user who cancelled at the provider back to the sign-in page with a message", async () => {
    const result = await signInWith("github", {
      callback: (state) => `error=access_denied&error_description=The+user+has+denied&state=${state}`,
    });
    expect(result.location).toBe("/signin?oauth=cancelled");
    expect(result.session).toBeUndefined();
  });

  it("refuses a callback whose state does not match the cookie's, or comes without the cookie", async () => {
    const forged = await signInWith("github", { callback: () => "code=good-code&state=forged-state" });
    expect(forged.location).toBe("/signin?oauth=bad_state");
    expect(forged.session).toBeUndefined();
    const noCookie = await fetch(`${app.url}/auth/github/callback?code=good-code&state=anything`, {
      redirect: "manual",
    });
    expect(noCookie.headers.get("location")).toBe("/signin?oauth=bad_state");
  });

  it("reports a refused code exchange as a failed sign-in, not an error page", async () => {
    github.tokenError = "bad_verification_code";
    expect((await signInWith("github")).location).toBe("/signin?oauth=failed");
  });

  it("returns only to paths on this site", async () => {
    github.user = { id: 1001, login: "private-person", name: null, email: null };
    github.emails = [{ email: "private@example.com", primary: true, verified: true }];
    for (const returnTo of ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      expect((await signInWith("github", { returnTo })).location, returnTo).toBe("/");
    }
  });

  it("uses PKCE with Google and creates the account from the ID token's verified e-mail", async () => {
    googleClaims = { sub: "g-123", email: "Learner@Gmail.com", email_verified: true, name: "Learner" };
    const result = await signInWith("google");
    const challenge = result.authorize.searchParams.get("code_challenge");
    expect(result.authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const verifier = googleTokenRequest!.get("code_verifier")!;
    expect(createHash("sha256").update(verifier).digest("base64url")).toBe(challenge);
    expect(result.location).toBe("/welcome?oauth=created");
    expect(await app.db.user.findUnique({ where: { email: "learner@gmail.com" }, select: { handle: true } })).toEqual({
      handle: "learner",
    });

    googleClaims = { sub: "g-456", email: "unverified@gmail.com", email_verified: false };
    expect((await signInWith("google")).location).toBe("/signin?oauth=email_unverified");
  });

  it("links a provider to the signed-in account from Settings, and refuses one that belongs to someone else", async () => {
    const owner = await app.db.user.create({ data: { handle: "linker", displayName: "Linker" } });
    const { token } = await createSessionService({ db: app.db }).create(owner.id);
    const cookie = `orgo_session=${token}`;
    googleClaims = { sub: "g-789", email: "whatever@gmail.com", email_verified: false };
    const linked = await signInWith("google", { returnTo: "/settings", cookie });
    expect(linked.location).toBe("/settings?oauth=linked");
    expect(await app.db.oAuthAccount.count({ where: { userId: owner.id, provider: "google" } })).toBe(1);

    // A second Google account for the same OrGo account.
    googleClaims = { sub: "g-999", email: "second@gmail.com", email_verified: true };
    expect((await signInWith("google", { returnTo: "/settings", cookie })).location).toBe(
      "/settings?oauth=provider_taken",
    );
    // Learner's Google account, already someone else's.
    googleClaims = { sub: "g-123", email: "learner@gmail.com", email_verified: true };
    const other = await app.db.user.create({ data: { handle: "other_linker", displayName: "Other" } });
    const otherCookie = `orgo_session=${(await createSessionService({ db: app.db }).create(other.id)).token}`;
    expect((await signInWith("google", { returnTo: "/settings", cookie: otherCookie })).location).toBe(
      "/settings?oauth=identity_taken",
    );
  });

  it("lists the configured providers for the sign-in buttons", async () => {
    const response = await fetch(`${app.url}/trpc/auth.options`);
    expect(((await response.json()) as { result: { data: { json: unknown } } }).result.data.json).toEqual({
      providers: ["github", "google"],
    });
  });
});

describe("a provider without credentials", () => {
  it("has no button and its route leads back to the sign-in page", async () => {
    const fresh = await freshDatabase();
    const app = await startTestApp({ databaseUrl: fresh.url, seed: false });
    try {
      const start = await fetch(`${app.url}/auth/github`, { redirect: "manual" });
      expect(start.headers.get("location")).toBe("/signin?oauth=unavailable");
      const options = await fetch(`${app.url}/trpc/auth.options`);
      expect(JSON.stringify(await options.json())).toContain('"providers":[]');
    } finally {
      await app.stop();
      await fresh.drop();
    }
  });
});
