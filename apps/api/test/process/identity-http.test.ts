import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { createSessionService } from "../../src/platform/sessions/session.service.js";
import { limits } from "../../src/platform/rate-limit/limits.js";
import { startTestApp } from "../helpers/app.js";
import { tempDir } from "../helpers/temp-dir.js";
import { createTestClient } from "../helpers/trpc-client.js";

describe("identity over real HTTP: avatar uploads, stored files, rate-limit headers, the dev outbox", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  let cookie: string;
  const uploads = tempDir();

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url, env: { UPLOAD_DIR: uploads, DEV_OUTBOX_PAGE: "true" } });
    const user = await app.db.user.findUniqueOrThrow({ where: { handle: "jiwoo" } });
    const { token } = await createSessionService({ db: app.db }).create(user.id);
    cookie = `orgo_session=${token}`;
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  const upload = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/uploads/avatar`, {
      method: "POST",
      body,
      headers: { origin: app.url, cookie, "content-type": "application/octet-stream", ...headers },
    });

  it("stores an uploaded avatar as a re-encoded WebP and serves it with long-cache, sandboxed headers", async () => {
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#48c" } })
      .jpeg()
      .toBuffer();
    // The name and type the client claims do not matter.
    const response = await upload(new Uint8Array(jpeg), { "content-type": "image/png" });
    expect(response.status).toBe(200);
    const { avatarUrl } = (await response.json()) as { avatarUrl: string };
    expect(avatarUrl).toMatch(/^\/uploads\/avatars\/[\w-]+\.webp$/);

    const file = await fetch(`${app.url}${avatarUrl}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/webp");
    expect(file.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
    const meta = await sharp(new Uint8Array(await file.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 256]);
    const again = await fetch(`${app.url}${avatarUrl}`, { headers: { "if-none-match": file.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("refuses uploads that are anonymous, cross-origin, not images or too large", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
        .png()
        .toBuffer(),
    );
    expect((await upload(png, { cookie: "" })).status).toBe(401);
    expect((await upload(png, { origin: "https://evil.example" })).status).toBe(403);
    const text = await upload(new TextEncoder().encode("#!/bin/sh\necho hi"), { "content-type": "image/jpeg" });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { message: string } }).error.message).toMatch(/JPEG, PNG/);
    expect((await upload(new Uint8Array(5 * 1024 * 1024 + 1))).status).toBe(413);
    expect(await app.db.upload.count({ where: { kind: "avatar" } })).toBe(1);
  });

  it("takes post images through the same checks and answers the id to attach", async () => {
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#9c4" } })
      .png()
      .toBuffer();
    const response = await fetch(`${app.url}/uploads/post-image`, {
      method: "POST",
      body: new Uint8Array(png),
      headers: { origin: app.url, cookie, "content-type": "application/octet-stream" },
    });
    expect(response.status).toBe(200);
    const image = (await response.json()) as {
      id: string;
      url: string;
      thumbUrl: string;
      width: number;
      height: number;
    };
    expect([image.width, image.height]).toEqual([1600, 800]);
    // Its thumbnail: a square WebP, cached like the picture, gone with it.
    expect(image.thumbUrl).toBe(`${image.url}?size=thumb`);
    const thumb = await fetch(`${app.url}${image.thumbUrl}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect(thumb.headers.get("cache-control")).toContain("immutable");
    const thumbBytes = new Uint8Array(await thumb.arrayBuffer());
    const { width, height } = await sharp(thumbBytes).metadata();
    expect([width, height]).toEqual([256, 256]);
    expect(thumbBytes.byteLength).toBeLessThan(png.byteLength / 4);
    const again = await fetch(`${app.url}${image.thumbUrl}`, {
      headers: { "if-none-match": thumb.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    expect(image.url).toMatch(/^\/uploads\/post-images\//);
    expect(await app.db.upload.count({ where: { id: image.id, kind: "post-image" } })).toBe(1);
    const refused = await fetch(`${app.url}/uploads/post-image`, {
      method: "POST",
      body: new TextEncoder().encode("<svg/>"),
      headers: { origin: app.url, cookie },
    });
    expect(refused.status).toBe(415);
    // A post that had it is deleted, and its picture with it: the thumbnail goes too (none is kept apart).
    const { client } = createTestClient(app.url, app.url, cookie);
    const post = await client.post.create.mutate({ title: "Picture", body: "x", imageIds: [image.id] });
    expect(post.images[0]!.thumbUrl).toBe(image.thumbUrl);
    await client.post.delete.mutate({ id: post.id });
    expect((await fetch(`${app.url}${image.url}`)).status).toBe(404);
    expect((await fetch(`${app.url}${image.thumbUrl}`)).status).toBe(404);
  });

  it("serves nothing outside the upload folder", async () => {
    for (const path of [
      "/uploads/..%2f..%2fpackage.json",
      "/uploads/avatars/%2e%2e%2fx.webp",
      "/uploads/avatar.webp",
    ]) {
      expect((await fetch(`${app.url}${path}`)).status, path).toBe(404);
    }
  });

  it("names each refusal's message and field errors by their key in the server's table, for clients to translate", async () => {
    const call = (path: string, json: unknown) =>
      fetch(`${app.url}/trpc/${path}`, {
        method: "POST",
        headers: { origin: app.url, "content-type": "application/json" },
        body: JSON.stringify({ json }),
      }).then(
        async (response) =>
          ((await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } }).error
            .json,
      );
    // Another account than the rate-limit case below uses (each sign-in attempt counts).
    const wrong = await call("auth.signIn", { email: "jiwoo@orgo.dev", password: "not the password!" });
    expect(wrong.data).toMatchObject({ messageKey: "wrongCredentials" });
    expect(wrong.message).toBe("Wrong e-mail or password");
    const invalid = await call("auth.signUpStart", {
      email: "not-an-address",
      password: "short",
      handle: "fine_handle",
      displayName: "X",
    });
    expect(invalid.data).toMatchObject({
      messageKey: null,
      fieldErrorKeys: { email: ["invalidEmail"], password: ["passwordTooShort"] },
    });
    // The upload route says its refusals the same way.
    const anonymous = await fetch(`${app.url}/uploads/post-image`, { method: "POST", headers: { origin: app.url } });
    expect(await anonymous.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: "Sign in first", messageKey: "signInFirst" },
    });
  });

  it("answers a rate-limited call with 429 and a Retry-After header", async () => {
    const signIn = () =>
      fetch(`${app.url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { origin: app.url, "content-type": "application/json" },
        body: JSON.stringify({ json: { email: "minjun@orgo.dev", password: "not the password" } }),
      });
    for (let i = 0; i < limits.signInPerAccount.limit; i++) expect((await signIn()).status).toBe(401);
    const limited = await signIn();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await limited.json()) as { error: { json: { data: { retryAfterSeconds: number } } } };
    expect(body.error.json.data.retryAfterSeconds).toBe(Number(limited.headers.get("retry-after")));
  });

  it("shows unsent mail on the development outbox page, escaped", async () => {
    await app.outbox!.send({
      to: "x@example.com",
      subject: "<b>code</b> 123456",
      text: "Open https://orgo.test/a <i>",
    });
    const page = await fetch(`${app.url}/dev/outbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("&lt;b&gt;code&lt;/b&gt; 123456");
    expect(html).toContain('<a href="https://orgo.test/a">');
    expect(html).not.toContain("<i>");
  });
});

describe("the development outbox page", () => {
  it("is not served when a database URL is configured, unless asked for", async () => {
    const fresh = await freshDatabase();
    const app = await startTestApp({ databaseUrl: fresh.url, seed: false });
    try {
      const page = await fetch(`${app.url}/dev/outbox`);
      expect(await page.text()).not.toContain("Development outbox");
    } finally {
      await app.stop();
      await fresh.drop();
    }
  });
});
