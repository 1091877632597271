import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { plainExcerpt, type TFeedInput, type TPostSummary, type TViewer } from "@orgo/api-contract";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";

const device = { ip: "203.0.113.5", userAgent: "vitest" };

describe("posts on PostgreSQL", () => {
  const f = communityFixture();

  async function allPages(input: Omit<TFeedInput, "cursor" | "limit">, viewer: TViewer | null, limit = 3) {
    const seen: TPostSummary[] = [];
    let cursor: string | null = null;
    do {
      const page = await f.posts.feed({ ...input, cursor, limit }, viewer);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return seen;
  }

  it("pages the Latest feed by keyset with no overlap and no gap, newest first", async () => {
    const all = await f.fresh.db.post.findMany({ where: { deletedAt: null }, orderBy: { id: "desc" } });
    expect((await allPages({ kind: "latest" }, null)).map((p) => p.id)).toEqual(all.map((p) => p.id));
  });

  it("never puts an e-mail in a feed item", async () => {
    const page = await f.posts.feed({ kind: "latest", limit: 50 }, null);
    expect(JSON.stringify(page)).not.toMatch(/@orgo\.dev/);
  });

  it("lists carry an excerpt, not the body: stored when written, cut on reading an older row", async () => {
    const author = await f.person();
    const body = `## Learned\n\n**Promise.all** runs them together. ${"More words. ".repeat(2000)}`;
    const written = await f.posts.create(author, { title: "Excerpts", body, imageIds: [] });
    const [row] = await f.fresh.db.$queryRaw<[{ id: number }]>`
      insert into "Post" ("authorId", title, body) values (${author.userId}::uuid, 'Before excerpts', ${body})
      returning id`;
    const older = row.id;
    const page = await f.posts.feed({ kind: "latest", authorHandle: author.handle, limit: 5 }, null);
    const expected = plainExcerpt(body);
    expect(expected).toMatch(/^Learned Promise\.all runs them together\. More words\./);
    expect(page.items.map((p) => [p.id, p.excerpt])).toEqual([
      [older, expected],
      [written.id, expected],
    ]);
    expect(page.items.every((p) => !("body" in p))).toBe(true);
    expect(JSON.stringify(page).length).toBeLessThan(body.length);
    // The post itself is whole.
    expect((await f.posts.byId(older, null)).body).toBe(body);
    expect(written.body).toBe(body);
  });

  it("creates a post as the viewer, publishing it only after it is committed", async () => {
    const author = await f.person();
    let visibleWhenPublished = false;
    const off = await f.bus.subscribe("posts", (event) => {
      if (event.type !== "post.created") return;
      void f.fresh.db.post
        .findUnique({ where: { id: event.data.id } })
        .then((row) => (visibleWhenPublished = row !== null));
    });
    const created = await f.posts.create(author, { title: "Hello", body: "World", imageIds: [] });
    await new Promise((r) => setTimeout(r, 100));
    off();
    expect(visibleWhenPublished).toBe(true);
    expect(created).toMatchObject({ author: { handle: author.handle }, likeCount: 0, likedByMe: false });
  });

  it("stores a post once however often its client id is retried, and publishes it once", async () => {
    const author = await f.person();
    const published: number[] = [];
    const off = await f.bus.subscribe("posts", (event) => {
      if (event.type === "post.created" && event.data.author.id === author.userId) published.push(event.data.id);
    });
    const clientId = randomUUID();
    const input = { title: "Outbox", body: "Sent after a lost connection", imageIds: [], clientId };
    const tries = await Promise.all(Array.from({ length: 20 }, () => f.posts.create(author, input)));
    const again = await f.posts.create(author, { ...input, body: "A different text, same id" });
    await new Promise((r) => setTimeout(r, 100));
    off();
    expect(new Set([...tries, again].map((p) => p.id)).size).toBe(1);
    expect(again.body).toBe("Sent after a lost connection");
    expect(await f.fresh.db.post.count({ where: { authorId: author.userId } })).toBe(1);
    expect(published).toEqual([again.id]);
  });

  it("allocates ids in commit order under concurrent creation", async () => {
    const author = await f.person();
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => f.posts.create(author, { title: `c${i}`, body: "x", imageIds: [] })),
    );
    const ids = created.map((p) => p.id).sort((a, b) => a - b);
    const rows = await f.fresh.db.post.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    expect(rows.map((r) => r.id)).toEqual(ids);
  });

  it("refuses every write by someone else than the author, and changes nothing", async () => {
    const author = await f.person();
    const other = await f.person();
    const post = await f.posts.create(author, { title: "Mine", body: "Only mine", imageIds: [] });
    const update = await appErrorOf(f.posts.update(other, { id: post.id, title: "Hacked", body: "x", imageIds: [] }));
    const remove = await appErrorOf(f.posts.delete(other, post.id));
    expect([update.code, remove.code]).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect(await f.posts.byId(post.id, null)).toMatchObject({ title: "Mine", body: "Only mine" });

    const edited = await f.posts.update(author, { id: post.id, title: "Mine, edited", body: "b", imageIds: [] });
    expect(edited.title).toBe("Mine, edited");
    expect(edited.updatedAt.getTime()).toBeGreaterThan(edited.createdAt.getTime());
  });

  it("soft-deletes: the post is 404 and gone from every feed, and cannot be liked or edited", async () => {
    const author = await f.person();
    const post = await f.posts.create(author, { title: "Short-lived", body: "x", imageIds: [] });
    await f.posts.like(author, post.id);
    await f.posts.delete(author, post.id);
    expect(await f.fresh.db.post.count({ where: { id: post.id } })).toBe(1);
    expect((await appErrorOf(f.posts.byId(post.id, null))).code).toBe("NOT_FOUND");
    for (const kind of ["latest", "popular"] as const) {
      expect((await allPages({ kind }, author, 50)).map((p) => p.id)).not.toContain(post.id);
    }
    expect((await f.posts.recommended(null)).map((p) => p.id)).not.toContain(post.id);
    expect((await appErrorOf(f.posts.like(author, post.id))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(f.posts.delete(author, post.id))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(f.posts.update(author, { id: post.id, title: "t", body: "b", imageIds: [] }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("keeps up to 10 of the author's own images in the chosen order, reorders and removes them", async () => {
    const author = await f.person();
    const other = await f.person();
    const png = (color: string) =>
      sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
        .png()
        .toBuffer();
    const [a, b, c] = await Promise.all(
      ["#f00", "#0f0", "#00f"].map(async (color) => f.uploadPostImage(author, await png(color))),
    );
    const foreign = await f.uploadPostImage(other, await png("#000"));

    const post = await f.posts.create(author, { title: "Pictures", body: "x", imageIds: [a!.id, b!.id, c!.id] });
    expect(post.images.map((i) => i.url)).toEqual([a!.url, b!.url, c!.url]);
    const stolen = await appErrorOf(f.posts.create(author, { title: "t", body: "b", imageIds: [foreign.id] }));
    expect(stolen.code).toBe("VALIDATION");
    // An image already in one post cannot be put in another.
    expect((await appErrorOf(f.posts.create(author, { title: "t", body: "b", imageIds: [a!.id] }))).code).toBe(
      "VALIDATION",
    );

    const edited = await f.posts.update(author, {
      id: post.id,
      title: "Pictures",
      body: "x",
      imageIds: [c!.id, a!.id],
    });
    expect(edited.images.map((i) => i.url)).toEqual([c!.url, a!.url]);
    // The dropped image is gone, row and file.
    expect(await f.fresh.db.upload.count({ where: { id: b!.id } })).toBe(0);
    expect((await fetchFile(b!.url)).exists).toBe(false);
    expect((await fetchFile(c!.url)).exists).toBe(true);
  });

  async function fetchFile(url: string) {
    const { existsSync } = await import("node:fs");
    return { exists: existsSync(`${f.storage.root}/${f.storage.keyOf(url)}`) };
  }

  it("counts one view per viewer per post per day", async () => {
    const author = await f.person();
    const reader = await f.person();
    const post = await f.posts.create(author, { title: "Read me", body: "x", imageIds: [] });
    await f.posts.recordView(post.id, reader, device);
    await f.posts.recordView(post.id, reader, device);
    await Promise.all([f.posts.recordView(post.id, null, device), f.posts.recordView(post.id, null, device)]);
    expect(await f.posts.recordView(post.id, null, { ...device, ip: "198.51.100.1" })).toBe(3);
  });

  it("likes idempotently: 20 parallel likes by one person count once, and counts never drift", async () => {
    const author = await f.person();
    const post = await f.posts.create(author, { title: "Like me", body: "x", imageIds: [] });
    const fan = await f.person();
    await Promise.all(Array.from({ length: 20 }, () => f.posts.like(fan, post.id)));
    const fans = await Promise.all(Array.from({ length: 8 }, () => f.person()));
    await Promise.all(fans.flatMap((p) => [f.posts.like(p, post.id), f.posts.like(p, post.id)]));
    await Promise.all(fans.slice(0, 3).map((p) => f.posts.unlike(p, post.id)));
    await f.posts.unlike(fans[0]!, post.id);
    const row = await f.fresh.db.post.findUniqueOrThrow({ where: { id: post.id }, select: { likeCount: true } });
    const actual = await f.fresh.db.postLike.count({ where: { postId: post.id } });
    expect([row.likeCount, actual]).toEqual([6, 6]);
    expect((await f.posts.byId(post.id, fan)).likedByMe).toBe(true);
    expect((await f.posts.byId(post.id, fans[0]!)).likedByMe).toBe(false);
  });

  it("orders Popular by likes, then newest, and pages it with no gap or overlap", async () => {
    const all = await f.fresh.db.post.findMany({
      where: { deletedAt: null },
      orderBy: [{ likeCount: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect((await allPages({ kind: "popular" }, null, 4)).map((p) => p.id)).toEqual(all.map((p) => p.id));
  });

  it("shows in Following only the people I follow, and needs a viewer", async () => {
    const me = await f.person();
    const followed = await f.person();
    const stranger = await f.person();
    const mine = await f.posts.create(followed, { title: "From a friend", body: "x", imageIds: [] });
    await f.posts.create(stranger, { title: "From a stranger", body: "x", imageIds: [] });
    await f.social.follow(me, followed.userId);
    expect((await allPages({ kind: "following" }, me)).map((p) => p.id)).toEqual([mine.id]);
    expect((await appErrorOf(f.posts.feed({ kind: "following", limit: 5 }, null))).code).toBe("UNAUTHENTICATED");
  });

  it("recommends the 5 most-liked posts of the last week", async () => {
    const top = await f.posts.recommended(null);
    expect(top.length).toBeLessThanOrEqual(5);
    const counts = top.map((p) => p.likeCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.every((c) => c > 0)).toBe(true);
  });
});
