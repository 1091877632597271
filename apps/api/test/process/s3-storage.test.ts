import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { createS3FileStorage } from "../../src/platform/storage/s3-file-storage.js";
import { startTestApp } from "../helpers/app.js";
import { startLocalS3 } from "../helpers/local-s3.js";
import { cookieFor } from "../helpers/sessions.js";

/**
 * With S3_* set, uploads live in S3-compatible object storage (a local s3rver here)
 * and two API processes with folders of their own serve each other's files: no
 * shared disk. Files are still served by the API at /uploads/<key>.
 */
describe("uploads on object storage", () => {
  let fresh: FreshDatabase;
  let s3: Awaited<ReturnType<typeof startLocalS3>>;
  let apps: RunningApp[];
  let cookie: string;

  beforeAll(async () => {
    fresh = await freshDatabase();
    s3 = await startLocalS3("orgo-uploads");
    apps = [
      await startTestApp({ databaseUrl: fresh.url, env: s3.env }),
      await startTestApp({ databaseUrl: fresh.url, seed: false, env: s3.env }),
    ];
    cookie = await cookieFor(apps[0]!.db, "jiwoo");
  });
  afterAll(async () => {
    await Promise.all((apps ?? []).map((app) => app.stop()));
    await s3?.stop();
    await fresh?.drop();
  });

  /** The test's own client of the bucket the apps use. */
  const bucket = () =>
    createS3FileStorage({
      bucket: s3.env.S3_BUCKET,
      endpoint: s3.env.S3_ENDPOINT,
      region: "us-east-1",
      accessKeyId: s3.env.S3_ACCESS_KEY_ID,
      secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: true,
    });

  const upload = async (app: RunningApp, colour: string) => {
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: colour } })
      .png()
      .toBuffer();
    const response = await fetch(`${app.url}/uploads/avatar`, {
      method: "POST",
      body: new Uint8Array(png),
      headers: { origin: app.url, cookie, "content-type": "application/octet-stream" },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { avatarUrl: string }).avatarUrl;
  };

  it("stores an upload in the bucket, and the other process serves it with the same headers", async () => {
    const [a, b] = apps as [RunningApp, RunningApp];
    const avatarUrl = await upload(a, "#3a7");
    expect(avatarUrl).toMatch(/^\/uploads\/avatars\/[\w-]+\.webp$/);

    const served = await fetch(`${b.url}${avatarUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("content-security-policy")).toContain("sandbox");
    const bytes = new Uint8Array(await served.arrayBuffer());
    expect((await sharp(bytes).metadata()).format).toBe("webp");
    expect(Number(served.headers.get("content-length"))).toBe(bytes.byteLength);

    // What the bucket holds is what was served.
    const storage = await bucket();
    const key = storage.keyOf(avatarUrl)!;
    const stored = await storage.read(key);
    expect(stored?.size).toBe(bytes.byteLength);
    stored?.body.destroy();
    // Its HEAD says the same without the bytes (what a 304 and a made thumbnail ask).
    expect(await storage.head(key)).toEqual({ size: bytes.byteLength, etag: stored?.etag });

    const again = await fetch(`${a.url}${avatarUrl}`, { headers: { "if-none-match": served.headers.get("etag")! } });
    expect(again.status).toBe(304);
    const head = await fetch(`${a.url}${avatarUrl}`, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length")]).toEqual([200, String(bytes.byteLength)]);

    // A new picture replaces the old one in the bucket: the old address is gone everywhere.
    const next = await upload(b, "#a37");
    expect(next).not.toBe(avatarUrl);
    for (const app of apps) {
      expect((await fetch(`${app.url}${avatarUrl}`)).status).toBe(404);
      expect((await fetch(`${app.url}${next}`)).status).toBe(200);
    }
  });

  it("copies, deletes idempotently, and answers nothing for a missing or malformed key", async () => {
    const storage = await bucket();
    const key = "evidence/abcdefghijklmnop0001.webp";
    await storage.put("post-images/abcdefghijklmnop0001.webp", new Uint8Array([1, 2, 3]), "image/webp");
    expect(await storage.copy("post-images/abcdefghijklmnop0001.webp", key)).toBe(true);
    expect(await storage.copy("post-images/missingmissingmiss01.webp", key)).toBe(false);
    const copied = await storage.read(key);
    expect(copied?.size).toBe(3);
    copied?.body.destroy();
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.read(key)).toBeNull();
    expect(await storage.head(key)).toBeNull();
    expect(await storage.read("../secrets.webp")).toBeNull();
    expect(await storage.head("../secrets.webp")).toBeNull();
    for (const path of ["/uploads/avatars/%2e%2e%2fx.webp", "/uploads/avatars/nosuchfilenosuchfile.webp"]) {
      expect((await fetch(`${apps[1]!.url}${path}`)).status, path).toBe(404);
    }
  });
});
