import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { TPostSummary } from "@orgo/api-contract";
import type { RunningApp } from "../../src/app.js";
import { startTestApp } from "../helpers/app.js";
import { cookieFor } from "../helpers/sessions.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { waitFor } from "../helpers/wait.js";
import { webDistDir } from "../helpers/browser.js";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";

/** A GET that leaves the body as sent (fetch would decode it). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("the real server on a free port", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  let cookie: string;

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url });
    cookie = await cookieFor(app.db, "demo");
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  it("answers health and readiness", async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("serves the seeded Latest feed over HTTP with a request id", async () => {
    const { client } = createTestClient(app.url);
    const page = await client.post.feed.query({ limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).toBe(String(page.items[2]!.id));
    const raw = await fetch(`${app.url}/trpc/post.feed?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
    expect(raw.headers.get("x-request-id")).toMatch(/[\w-]{8,}/);
  });

  it("refuses a write without an allowed Origin before any procedure runs", async () => {
    const before = await fresh.db.post.count();
    const attempts: Record<string, string>[] = [
      {},
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${app.url}/trpc/post.create`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, ...headers },
        body: JSON.stringify({ json: { title: "csrf", body: "csrf" } }),
      });
      expect(response.status).toBe(403);
    }
    expect(await fresh.db.post.count()).toBe(before);
  });

  it("answers bad input with 400 and field errors, never 500", async () => {
    const cases = ["{not json", JSON.stringify({ json: { title: 5 } }), JSON.stringify({ json: null })];
    for (const body of cases) {
      const response = await fetch(`${app.url}/trpc/post.create`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url, cookie },
        body,
      });
      expect(response.status).toBe(400);
    }
    const typed = await fetch(`${app.url}/trpc/post.create`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url, cookie },
      body: JSON.stringify({ json: { title: 5, body: "" } }),
    });
    const payload = (await typed.json()) as { error: { json: { data: { fieldErrors: Record<string, string[]> } } } };
    expect(Object.keys(payload.error.json.data.fieldErrors).sort()).toEqual(["body", "title"]);
    const unknown = await fetch(`${app.url}/trpc/post.nope`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: "{}",
    });
    expect(unknown.status).toBe(404);
  });

  it("streams new posts over the websocket and resumes after a drop with no gap and no duplicate", async () => {
    const { client, wsClient } = createTestClient(app.url, app.url, cookie);
    const received: number[] = [];
    let lastEventId: string | undefined;
    const subscribe = (fromId: string | undefined) =>
      client.post.onCreated.subscribe(
        { lastEventId: fromId },
        {
          onData: ({ id, data }: { id: string; data: TPostSummary }) => {
            received.push(data.id);
            lastEventId = id;
          },
        },
      );
    let subscription = subscribe(undefined);
    await waitFor(() => wsClient.connection?.state === "open", "the websocket to open");
    await new Promise((r) => setTimeout(r, 200));

    const a = await client.post.create.mutate({ title: "live A", body: "a" });
    await waitFor(() => received.includes(a.id), "post A to arrive live");

    // Drop the connection; two posts are written while we are away.
    subscription.unsubscribe();
    await wsClient.close();
    const b = await client.post.create.mutate({ title: "missed B", body: "b" });
    const c = await client.post.create.mutate({ title: "missed C", body: "c" });

    const second = createTestClient(app.url, app.url, cookie);
    subscription = second.client.post.onCreated.subscribe(
      { lastEventId },
      {
        onData: ({ data }: { data: TPostSummary }) => received.push(data.id),
      },
    );
    await waitFor(() => received.includes(c.id), "the missed posts after resuming");
    const d = await second.client.post.create.mutate({ title: "live D", body: "d" });
    await waitFor(() => received.includes(d.id), "post D live after resuming");
    subscription.unsubscribe();
    await second.wsClient.close();

    expect(received).toEqual([a.id, b.id, c.id, d.id]);
  });

  it("refuses a websocket upgrade from another origin", async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${app.url.replace("http", "ws")}/trpc`, {
        headers: { origin: "https://evil.example" },
      });
      socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      socket.on("open", () => resolve(101));
      socket.on("error", () => {});
    });
    expect(status).toBe(403);
  });

  it("serves the SPA with long-cached hashed assets and a history fallback", async (ctx) => {
    if (!existsSync(path.join(webDistDir, "index.html"))) {
      if (process.env.CI === "true") throw new Error("apps/web/dist is missing in CI");
      ctx.skip();
    }
    const deepLink = await fetch(`${app.url}/posts/1`, { headers: { accept: "text/html" } });
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get("cache-control")).toBe("no-cache");
    const html = await deepLink.text();
    const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const assetResponse = await fetch(`${app.url}${asset}`);
    expect(assetResponse.status).toBe(200);
    expect(assetResponse.headers.get("cache-control")).toContain("immutable");
    expect(deepLink.headers.get("content-security-policy")).toContain("default-src 'self'");

    // Precompressed: brotli when the browser takes it, the same bytes once decoded.
    const plain = await (await fetch(`${app.url}${asset}`, { headers: { "accept-encoding": "identity" } })).text();
    const raw = await rawGet(`${app.url}${asset}`, { "accept-encoding": "br, gzip" });
    expect(raw.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(raw.body).toString()).toBe(plain);
    const gzipped = await rawGet(`${app.url}${asset}`, { "accept-encoding": "gzip" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");

    // No public source maps, and a missing chunk is a 404, not the page.
    expect((await fetch(`${app.url}${asset}.map`)).status).toBe(404);
    const missing = await fetch(`${app.url}/assets/gone-abc123.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).not.toContain("text/html");

    // Crawlers get a robots.txt, not the page in its place (Lighthouse's SEO audit read
    // the SPA's HTML as an invalid one): public content open, private sections not.
    const robots = await fetch(`${app.url}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get("content-type")).toContain("text/plain");
    const rules = await robots.text();
    expect(rules).toMatch(/^User-agent: \*$/m);
    expect(rules).toMatch(/^Disallow: \/settings$/m);
    expect(rules).not.toMatch(/^Disallow: \/(posts|u)?$/m);
  });
});
