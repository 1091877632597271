import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";
import { createLocalFileStorage } from "../../src/platform/storage/local-file-storage.js";
import { createUploadsRoutes } from "../../src/platform/storage/uploads-routes.js";

/**
 * GET /uploads/<key> against the real folder storage, counted: what needs no bytes (a
 * HEAD, a 304, a thumbnail already made) asks only whether the file is there — on
 * object storage that is a HEAD instead of a download of the whole picture.
 */
describe("serving stored files", () => {
  let root: string;
  let server: Server;
  let url: string;
  const calls = { read: 0, head: 0 };
  const key = "post-images/servingtest0000000000000000.webp";

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "orgo-serving-"));
    const disk = createLocalFileStorage(root);
    const storage = {
      ...disk,
      read: (k: string) => (calls.read++, disk.read(k)),
      head: (k: string) => (calls.head++, disk.head(k)),
    };
    const handle = createUploadsRoutes({
      auth: { viewerOf: () => Promise.resolve(null) },
      receivers: {},
      limiter: createMemoryRateLimiter(),
      origins: { allowed: [], public: "http://localhost" },
      storage,
    });
    const picture = await sharp({ create: { width: 800, height: 400, channels: 3, background: "#3a7" } })
      .webp()
      .toBuffer();
    await disk.put(key, new Uint8Array(picture), "image/webp");
    server = createServer((req, res) => {
      const answer = handle(req, res, new URL(req.url ?? "/", "http://localhost"));
      if (answer === false) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads/${key}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    calls.read = 0;
    calls.head = 0;
  });

  it("reads a picture once for its thumbnail; later requests and 304s only ask whether it is there", async () => {
    const first = await fetch(`${url}?size=thumb`);
    expect(first.status).toBe(200);
    expect((await sharp(new Uint8Array(await first.arrayBuffer())).metadata()).width).toBe(256);
    expect(calls).toEqual({ read: 1, head: 1 });

    const again = await fetch(`${url}?size=thumb`);
    expect(again.status).toBe(200);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    const unchanged = await fetch(`${url}?size=thumb`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(unchanged.status).toBe(304);
    expect(calls).toEqual({ read: 1, head: 3 });
  });

  it("answers HEAD and a matching If-None-Match for the picture itself without reading it", async () => {
    const full = await fetch(url);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("image/webp");
    const size = (await full.arrayBuffer()).byteLength;
    expect(calls).toEqual({ read: 1, head: 0 });

    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(size);
    const unchanged = await fetch(url, { headers: { "if-none-match": full.headers.get("etag")! } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("cache-control")).toContain("immutable");
    // A stale validator gets the file.
    const stale = await fetch(url, { headers: { "if-none-match": '"old"' } });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(size);
    expect(calls).toEqual({ read: 2, head: 3 });
  });

  it("answers 404 for a picture that is gone, though its thumbnail was made", async () => {
    expect((await fetch(`${url}?size=thumb`)).status).toBe(200);
    rmSync(path.join(root, key));
    expect((await fetch(`${url}?size=thumb`)).status).toBe(404);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url, { method: "HEAD" })).status).toBe(404);
    // A missing shared file is a plain 404, not a download of the error.
    const missing = await fetch(url.replace(/\/post-images\/.*$/, "/files/nosuchfilenosuchfile00.pdf"));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-disposition")).toBeNull();
  });
});
