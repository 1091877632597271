import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { insecureOriginWarnings, loadConfig, repoRoot } from "../../src/platform/config/config.js";
import { safeReturnPath } from "../../src/platform/http/respond.js";
import { BOOT_SCRIPT_HASH, nginxSecurityHeaders, securityHeaders } from "../../src/platform/http/security-headers.js";
import { createDevOutbox } from "../../src/platform/mail/mailer.js";
import { SESSION_ENDED_CLOSE_CODE } from "../../src/platform/live/session-sockets.js";
import { createLogger } from "../../src/platform/logger.js";
import { startTestApp } from "../helpers/app.js";
import { cookieFor } from "../helpers/sessions.js";
import { appCodeOf, fieldErrorsOf, rawTrpc } from "../helpers/raw-trpc.js";

const INT4_OVER = 2_147_483_648;
const study = (over: Record<string, unknown> = {}) => ({
  title: "Hardening study",
  description: "Reading the OWASP cheat sheets together",
  startsOn: "2031-03-01",
  endsOn: "2031-04-01",
  online: true,
  capacity: 5,
  tags: ["security"],
  ...over,
});

/** Each finding of the hardening issue, reproduced against the real server. */
describe("hardening: what an attacker found, over HTTP", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  let anonymous: ReturnType<typeof rawTrpc>;
  let jiwoo: ReturnType<typeof rawTrpc>;
  let jiwooCookie: string;

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url });
    anonymous = rawTrpc(app.url);
    jiwooCookie = await cookieFor(app.db, "jiwoo");
    jiwoo = rawTrpc(app.url, { cookie: jiwooCookie });
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  it("#1 refuses a time zone PostgreSQL does not know, saves nothing, and every list keeps answering", async () => {
    const refused = await jiwoo.mutate("study.create", study({ title: "Pacific New", timeZone: "US/Pacific-New" }));
    expect(refused.status).toBe(400);
    expect(fieldErrorsOf(refused.body)?.timeZone).toBeDefined();
    expect(await app.db.study.count({ where: { title: "Pacific New" } })).toBe(0);
    for (const [path, input] of [
      ["study.list", {}],
      ["study.list", { status: "recruiting" }],
      ["search.studies", { q: "hardening" }],
    ] as const) {
      expect((await anonymous.query(path, input)).status).toBe(200);
    }
    // A name PostgreSQL knows that ICU calls an alias is fine.
    const kolkata = await jiwoo.mutate("study.create", study({ title: "Kolkata", timeZone: "Asia/Kolkata" }));
    expect(kolkata.status).toBe(200);
    // Below the API the column is guarded too: no write can store a zone the database cannot use.
    await expect(
      app.db.$executeRaw`update "Study" set "timeZone" = 'US/Pacific-New' where title = 'Kolkata'`,
    ).rejects.toThrow(/Study_timeZone_known/);
    expect((await anonymous.query("study.list", {})).status).toBe(200);
  });

  it("#14 takes real calendar days only, with a field error otherwise", async () => {
    for (const day of ["2031-02-30", "2031-13-45", "0000-01-01", "2031-04-31"]) {
      const answer = await jiwoo.mutate("study.create", study({ startsOn: day, endsOn: "2031-12-31" }));
      expect(answer.status, day).toBe(400);
      expect(fieldErrorsOf(answer.body)?.startsOn, day).toBeDefined();
    }
    const leap = await jiwoo.mutate(
      "study.create",
      study({ title: "Leap day", startsOn: "2032-02-29", endsOn: "2032-03-01" }),
    );
    expect(leap.status).toBe(200);
    expect((leap.body as { result: { data: { json: { startsOn: string } } } }).result.data.json.startsOn).toBe(
      "2032-02-29",
    );
  });

  it("#8 answers ids and cursors beyond int4, NUL and lone surrogates with 400, never 500", async () => {
    const calls: [string, "query" | "mutation", unknown, ReturnType<typeof rawTrpc>][] = [
      ["post.byId", "query", { id: INT4_OVER }, anonymous],
      ["post.feed", "query", { cursor: "9999999999" }, anonymous],
      ["post.feed", "query", { kind: "popular", cursor: "1.9999999999" }, anonymous],
      ["comment.list", "query", { postId: INT4_OVER }, anonymous],
      ["comment.list", "query", { postId: 1, cursor: INT4_OVER }, anonymous],
      ["notification.list", "query", { cursor: INT4_OVER }, jiwoo],
      ["notification.markRead", "mutation", { id: INT4_OVER }, jiwoo],
      ["post.recordView", "mutation", { id: INT4_OVER }, anonymous],
      ["study.byId", "query", { id: INT4_OVER }, anonymous],
      ["social.followers", "query", { userId: "00000000-0000-4000-8000-000000000000", cursor: "1.zzzz" }, anonymous],
      ["search.posts", "query", { q: "a\u0000b" }, anonymous],
      ["search.people", "query", { q: "\ud800" }, anonymous],
      ["search.record", "mutation", { q: "nul\u0000" }, anonymous],
      ["post.create", "mutation", { title: "bad\u0000title", body: "x" }, jiwoo],
      ["comment.create", "mutation", { postId: 1, body: "a\u0000" }, jiwoo],
      ["user.updateProfile", "mutation", { handle: "jiwoo", displayName: "Jiwoo", bio: "\u0000" }, jiwoo],
      ["post.create", "mutation", { title: "key", body: "x", ["\u0000"]: 1 }, jiwoo],
    ];
    for (const [path, kind, input, who] of calls) {
      const answer = kind === "query" ? await who.query(path, input) : await who.mutate(path, input);
      expect([path, answer.status, appCodeOf(answer.body)]).toEqual([path, 400, "VALIDATION"]);
    }
  });

  it("#10 sends Cache-Control: no-store with every tRPC answer", async () => {
    for (const answer of [
      await jiwoo.query("auth.me"),
      await jiwoo.query("auth.sessions"),
      await anonymous.query("post.feed", {}),
      await anonymous.query("post.byId", { id: INT4_OVER }),
      await jiwoo.mutate("post.recordView", { id: 1 }),
    ]) {
      expect(answer.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("#12 counts an anonymous view once per address, whatever the User-Agent says", async () => {
    const post = await app.db.post.findFirstOrThrow({ where: { deletedAt: null }, select: { id: true } });
    const views = [];
    for (const agent of ["Mozilla/5.0 a", "Mozilla/5.0 b", "curl/8"]) {
      const answer = await anonymous.mutate("post.recordView", { id: post.id }, { "user-agent": agent });
      views.push((answer.body as { result: { data: { json: number } } }).result.data.json);
    }
    expect(new Set(views).size).toBe(1);
  });

  it("refuses a write that is same-site but not same-origin", async () => {
    const answer = await jiwoo.mutate(
      "post.create",
      { title: "csrf", body: "from a sibling subdomain" },
      { "sec-fetch-site": "same-site", origin: "https://evil.orgo.example" },
    );
    expect(answer.status).toBe(403);
    expect(await app.db.post.count({ where: { title: "csrf" } })).toBe(0);
  });

  it("closes this process's websockets of a session that signs out, with the session-ended code", async () => {
    const cookie = await cookieFor(app.db, "sara_k");
    const socket = new WebSocket(`${app.url.replace("http", "ws")}/trpc`, { headers: { origin: app.url, cookie } });
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    const closed = new Promise<[number, string]>((resolve) =>
      socket.once("close", (code, reason) => resolve([code, reason.toString()])),
    );
    // The context (and so the session's socket list) is made as the socket opens.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await rawTrpc(app.url, { cookie }).mutate("auth.signOut")).status).toBe(200);
    expect(await closed).toEqual([SESSION_ENDED_CLOSE_CODE, "Session ended"]);
  });

  it("#6 sends the one list of security headers with everything the API serves", async () => {
    for (const path of ["/", "/trpc/post.feed", "/healthz", "/no/such/page"]) {
      const response = await fetch(`${app.url}${path}`);
      for (const [name, value] of securityHeaders({ https: false })) {
        expect([path, name, response.headers.get(name)]).toEqual([path, name, value]);
      }
      // HSTS only over https (a test server is plain http).
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("#17 sends a browser on another allowed host to the public origin before a provider sign-in", async () => {
    const other = await startTestApp({
      databaseUrl: fresh.url,
      seed: false,
      env: { PUBLIC_ORIGIN: "http://orgo.localhost:3999", GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret" },
    });
    try {
      const start = await fetch(`${other.url}/auth/github?returnTo=%2Fstudies`, { redirect: "manual" });
      expect(start.status).toBe(303);
      expect(start.headers.get("location")).toBe("http://orgo.localhost:3999/auth/github?returnTo=%2Fstudies");
      // No state cookie on the wrong host: it would never come back with the provider's answer.
      expect(start.headers.get("set-cookie")).toBeNull();
    } finally {
      await other.stop();
    }
  });
});

describe("hardening: the mechanisms, one by one", () => {
  it("#9 never returns a path a browser reads as another host", () => {
    for (const hostile of [
      "/.//evil.example",
      "/..//evil.example",
      "/%2e//evil.example",
      "/./\\evil.example",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
    ]) {
      expect(safeReturnPath(hostile), hostile).toBe("/");
    }
    expect(safeReturnPath("/studies?tag=rust#top")).toBe("/studies?tag=rust#top");
  });

  it("#6 gives nginx the API's own security headers, from one source, and a TLS server with HSTS", () => {
    const deploy = (file: string) =>
      readFileSync(fileURLToPath(new URL(`../../../../deploy/${file}`, import.meta.url)), "utf8");
    expect(deploy("orgo/security-headers.conf")).toBe(nginxSecurityHeaders());
    for (const [name] of securityHeaders({ https: true })) expect(deploy("orgo/security-headers.conf")).toContain(name);
    const conf = deploy("orgo/locations.conf");
    // Every location that serves files itself (and so sets headers of its own) includes them.
    const locations = conf.split(/\n\s*location /).slice(1);
    const servingFiles = locations.filter((block) => /try_files/.test(block.split("\n}")[0]!));
    expect(servingFiles.length).toBeGreaterThanOrEqual(2);
    for (const block of servingFiles) expect(block).toContain("include orgo/security-headers.conf;");
    const production = deploy("nginx.conf");
    expect(production).toContain("include orgo/locations.conf;");
    expect(production).toMatch(/listen 443 ssl http2;/);
    expect(production).toMatch(/return 301 https:\/\/\$host\$request_uri;/);
    expect(deploy("orgo/security-headers.conf")).toMatch(
      /Strict-Transport-Security "max-age=\d+; includeSubDomains" always;/,
    );
  });

  it("allows exactly one inline script, index.html's first-paint script, by its hash", () => {
    const html = readFileSync(path.join(repoRoot, "apps", "web", "index.html"), "utf8");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const hash = `sha256-${createHash("sha256").update(inline[0]!).digest("base64")}`;
    expect(BOOT_SCRIPT_HASH).toBe(hash);
    const csp = securityHeaders({ https: false }).find(([name]) => name === "Content-Security-Policy")![1];
    const scriptSrc = csp.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scriptSrc).toBe(`script-src 'self' '${hash}'`);
  });

  it("#13 allows websockets to our own host only, and warns about origins that weaken the cookie", () => {
    const csp = securityHeaders({ https: false }).find(([name]) => name === "Content-Security-Policy")![1];
    expect(csp).toMatch(/connect-src 'self';/);
    expect(csp).not.toMatch(/\bwss?:/);
    expect(insecureOriginWarnings(["https://orgo.example", "http://orgo.example"])).toHaveLength(1);
    expect(insecureOriginWarnings(["http://orgo.example"])).toHaveLength(1);
    expect(insecureOriginWarnings(["http://localhost:3000", "http://127.0.0.1:3000"])).toEqual([]);
    expect(insecureOriginWarnings(["https://orgo.example"])).toEqual([]);
  });

  it("#11 refuses production with an external database and no mail, and logs codes only in the single-machine run", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgresql://db.example/orgo" };
    expect(() => loadConfig(production)).toThrow(/SMTP_URL is required in production/);
    expect(loadConfig({ ...production, SMTP_URL: "smtp://mail.example:25" }).logUnsentMail).toBe(false);
    expect(loadConfig({ NODE_ENV: "test", DATABASE_URL: "postgresql://db.example/orgo" }).logUnsentMail).toBe(false);
    expect(loadConfig({}).logUnsentMail).toBe(true);

    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => lines.push(line) });
    void createDevOutbox(logger, { logText: false }).send({ to: "a@b.c", subject: "Code 123456", text: "Code 123456" });
    void createDevOutbox(logger, { logText: true }).send({ to: "a@b.c", subject: "Code 654321", text: "Code 654321" });
    expect(lines.join("\n")).not.toContain("123456");
    expect(lines.join("\n")).toContain("654321");
  });
});
