import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TViewer } from "@orgo/api-contract";
import { createLinkPreviews, type LinkPreviews } from "../../src/domains/chat/link-preview/link-previews.js";
import { createSafeFetch, FetchRefused } from "../../src/platform/link-fetch/safe-fetch.js";
import { createLogger } from "../../src/platform/logger.js";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { chatServiceOf, talkingPairOf } from "../helpers/chat-service.js";
import { startLinkNetwork } from "../helpers/link-network.js";

/** Link previews: read by the server, safely, once per URL, put on the message live; the sender may remove them. */
describe("link previews", () => {
  const f = communityFixture();
  let network: Awaited<ReturnType<typeof startLinkNetwork>>;
  let previews: LinkPreviews;
  let chat: ReturnType<typeof chatServiceOf>;

  beforeAll(async () => {
    network = await startLinkNetwork();
    previews = createLinkPreviews({
      db: f.fresh.db,
      storage: f.storage,
      fetch: createSafeFetch(network.options),
      logger: createLogger("silent"),
    });
    chat = chatServiceOf(f, previews);
  });
  afterAll(() => network?.close());

  /** Sends, waits for the preview work, and answers the message as its room reads it now. */
  async function sendAndRead(viewer: TViewer, roomId: number, body: string) {
    const sent = await chat.send(viewer, { roomId, clientId: randomUUID(), body, imageIds: [], fileIds: [] });
    expect(sent.preview).toBeNull();
    await previews.settled();
    const page = await chat.history(viewer, { roomId, limit: 5 });
    const now = page.items.find((m) => m.seq === sent.seq)!;
    // A preview put on the message is a change of it: the room's stream carries it (resumable by its number).
    if (now.preview) expect(now.changeSeq).toBeGreaterThan(sent.changeSeq);
    return now;
  }

  it("shows the first link's title, description, site and re-encoded picture, live, read once per URL", async () => {
    const { a, b, room } = await talkingPairOf(f, chat);
    const message = await sendAndRead(a, room.id, `Read ${network.page("/article")}. Then ${network.page("/plain")}`);
    expect(message.preview).toMatchObject({
      url: network.page("/article"),
      title: "Understanding EXPLAIN ANALYZE",
      description: "How PostgreSQL runs your query, node by node.",
      siteName: "Postgres Notes",
    });
    expect(message.preview?.imageUrl).toMatch(/^\/uploads\/link-previews\/[\w-]+\.webp$/);
    const stored = await f.storage.read(f.storage.keyOf(message.preview!.imageUrl!)!);
    expect(stored?.size).toBeGreaterThan(0);
    // The same link again, in another message: from the cache, not the site.
    const again = await sendAndRead(b, room.id, `Yes! ${network.page("/article")}`);
    expect(again.preview?.title).toBe("Understanding EXPLAIN ANALYZE");
    expect(network.hitsOf("/article")).toBe(1);
    expect(network.hitsOf("/cover.png")).toBe(1);
    // A page without Open Graph tags: its <title> and description; a redirect is followed.
    expect((await sendAndRead(a, room.id, network.page("/plain"))).preview).toMatchObject({
      title: "Just a title",
      description: "A plain page.",
      siteName: "news.example",
      imageUrl: null,
    });
    expect((await sendAndRead(a, room.id, network.page("/to-article"))).preview?.title).toBe(
      "Understanding EXPLAIN ANALYZE",
    );
    // A link in code is code, not a link to preview.
    expect((await sendAndRead(a, room.id, `\`curl ${network.page("/plain")}\``)).preview).toBeNull();
  });

  it("refuses loopback, private, link-local and metadata addresses, before and after DNS and redirects", async () => {
    const { a, room } = await talkingPairOf(f, chat);
    const refused = [
      `http://127.0.0.1:${network.privatePort}/secret`,
      `http://10.0.0.1:${network.privatePort}/`,
      "http://169.254.169.254/latest/meta-data/",
      `http://[::1]:${network.privatePort}/`,
      `http://intranet.example:${network.privatePort}/`,
      `http://loopback.example:${network.privatePort}/secret`,
      network.page("/to-private"),
      network.page("/to-metadata"),
      network.page("/to-file"),
    ];
    for (const url of refused) {
      expect((await sendAndRead(a, room.id, `look ${url}`)).preview, url).toBeNull();
      expect((await f.fresh.db.linkPreview.findUnique({ where: { url: new URL(url).toString() } }))?.status, url).toBe(
        "failed",
      );
    }
    expect(network.privateHits()).toBe(0);
    // The fetch itself: only http(s).
    const fetch = createSafeFetch(network.options);
    await expect(fetch("file:///etc/passwd", { accept: "html", maxBytes: 1000 })).rejects.toBeInstanceOf(FetchRefused);
    await expect(fetch("ftp://news.example/", { accept: "html", maxBytes: 1000 })).rejects.toBeInstanceOf(FetchRefused);
  });

  it("reads only HTML, within the size limit", async () => {
    const { a, room } = await talkingPairOf(f, chat);
    expect((await sendAndRead(a, room.id, network.page("/claims-pdf"))).preview).toBeNull();
    expect((await sendAndRead(a, room.id, network.page("/huge"))).preview).toBeNull();
    const fetch = createSafeFetch(network.options);
    await expect(fetch(network.page("/huge"), { accept: "html", maxBytes: 1024 * 1024 })).rejects.toThrow("too large");
  });

  it("follows edits, and lets the sender (only) remove the preview for good", async () => {
    const { a, b, room } = await talkingPairOf(f, chat);
    const message = await sendAndRead(a, room.id, `see ${network.page("/plain")}`);
    expect(message.preview?.title).toBe("Just a title");
    await chat.edit(a, { roomId: room.id, seq: message.seq, body: `no, ${network.page("/article")}` });
    await previews.settled();
    const edited = (await chat.history(a, { roomId: room.id, limit: 1 })).items[0]!;
    expect(edited.preview?.title).toBe("Understanding EXPLAIN ANALYZE");
    expect((await appErrorOf(chat.removePreview(b, { roomId: room.id, seq: message.seq }))).code).toBe("FORBIDDEN");
    const removed = await chat.removePreview(a, { roomId: room.id, seq: message.seq });
    expect(removed.preview).toBeNull();
    expect(removed.changeSeq).toBeGreaterThan(edited.changeSeq);
    // Idempotent, and an edit does not bring it back.
    expect((await chat.removePreview(a, { roomId: room.id, seq: message.seq })).preview).toBeNull();
    await chat.edit(a, { roomId: room.id, seq: message.seq, body: `again ${network.page("/plain")}` });
    await previews.settled();
    expect((await chat.history(a, { roomId: room.id, limit: 1 })).items[0]!.preview).toBeNull();
    // A stranger cannot remove anything: the room is not theirs.
    const stranger = await f.person();
    expect((await appErrorOf(chat.removePreview(stranger, { roomId: room.id, seq: message.seq }))).code).toBe(
      "NOT_FOUND",
    );
  });
});
