import http from "node:http";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { startTestApp } from "../helpers/app.js";
import { cookieFor } from "../helpers/sessions.js";

/**
 * A raw HTTP exchange: what a client that sends its own Host header, or a big body,
 * gets back. Like curl and most HTTP/1.1 clients, a sending client counts the
 * exchange only when its whole body went out: a connection reset while it still
 * sends (a broken pipe) is a failure even if an answer had started to arrive.
 */
function exchange(options: {
  url: string;
  path: string;
  method?: string;
  headers?: Record<string, string | number>;
  body?: Buffer;
}): Promise<{ status: number; text: string }> {
  const target = new URL(options.url);
  return new Promise((resolve, reject) => {
    let sent = !options.body;
    let answer: { status: number; text: string } | null = null;
    const settle = () => {
      if (sent && answer) resolve(answer);
    };
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: options.path,
        method: options.method ?? "GET",
        headers: options.headers,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          answer = { status: res.statusCode ?? 0, text };
          settle();
        });
      },
    );
    req.on("error", (error) => {
      if (!sent || !answer) reject(error);
    });
    if (!options.body) return void req.end();
    // In 64 KiB pieces, as a browser's upload goes: still sending when the server answers.
    const body = options.body;
    let offset = 0;
    const next = () => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + 65_536);
        offset += piece.length;
        if (!req.write(piece)) return void req.once("drain", next);
      }
      req.end(() => {
        sent = true;
        settle();
      });
    };
    next();
  });
}

const isOutbox = (html: string) => html.includes("Development outbox");

/** This machine's first address that is not loopback (none in some sandboxes). */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === "IPv4" && !address.internal)?.address;

/**
 * Found from outside on issue 24's main, each reproduced here first: the development
 * outbox answering any Host (DNS rebinding) and on every interface, and a too-large
 * upload's 413 lost to a connection closed while the client was still sending.
 */
describe("found from outside", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    fresh = await freshDatabase();
    // Served on every interface, with the outbox page on: the setting that leaked it.
    app = await startTestApp({ databaseUrl: fresh.url, env: { HOST: "0.0.0.0", DEV_OUTBOX_PAGE: "true" } });
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });
  const port = () => new URL(app.url).port;

  it("serves /dev/outbox only to this machine, asked for by one of its own names", async () => {
    const own = await exchange({ url: app.url, path: "/dev/outbox", headers: { host: `127.0.0.1:${port()}` } });
    expect([own.status, isOutbox(own.text)]).toEqual([200, true]);
    // A page on another site whose name now resolves to 127.0.0.1 sends its own Host:
    // answered as if there were no such page (the client's own "not found", or a 404).
    for (const host of [`evil.example:${port()}`, "evil.example", `127.0.0.1.evil.example:${port()}`]) {
      const rebound = await exchange({ url: app.url, path: "/dev/outbox", headers: { host } });
      expect([host, isOutbox(rebound.text)]).toEqual([host, false]);
    }
  });

  it.skipIf(!outsideAddress)(
    "does not serve /dev/outbox to another machine when listening on every interface",
    async () => {
      const url = `http://${outsideAddress}:${port()}`;
      const answer = await exchange({ url, path: "/dev/outbox", headers: { host: `${outsideAddress}:${port()}` } });
      expect(isOutbox(answer.text)).toBe(false);
      // The same server answers that address otherwise: it is the page that is refused.
      expect((await exchange({ url, path: "/healthz" })).status).toBe(200);
    },
  );

  it("lets a client still sending a too-large upload read its 413, every time", async () => {
    const cookie = await cookieFor(app.db, "jiwoo");
    const body = Buffer.alloc(7 * 1024 * 1024, 1);
    const headers = { cookie, origin: app.url, "content-type": "image/png" };
    // Declared too large up front, and streamed (chunked) with no size given.
    for (const sized of [true, false]) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const answer = await exchange({
          url: app.url,
          path: "/uploads/post-image",
          method: "POST",
          headers: sized ? { ...headers, "content-length": body.length } : headers,
          body,
        });
        expect([sized, answer.status]).toEqual([sized, 413]);
        expect(answer.text).toContain("VALIDATION");
      }
    }
  });
});
