import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { seedDemoData } from "@orgo/db";
import type { TEventEnvelope } from "@orgo/api-contract";
import { createMemoryEventBus } from "../src/events/memory-event-bus.js";
import { createPostService } from "../src/posts/post.service.js";

describe("post service on PostgreSQL", () => {
  let fresh: FreshDatabase;
  const bus = createMemoryEventBus();
  let posts: ReturnType<typeof createPostService>;

  beforeAll(async () => {
    fresh = await freshDatabase();
    await seedDemoData(fresh.db);
    posts = createPostService({ db: fresh.db, bus });
  });
  afterAll(() => fresh.drop());

  it("pages the Latest feed by keyset with no overlap and no gap, newest first", async () => {
    const all = await fresh.db.post.findMany({
      where: { deletedAt: null },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page = await posts.latest({ cursor, limit: 3 });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all.map((p) => p.id));
  });

  it("never puts an e-mail in a feed item", async () => {
    const page = await posts.latest({ limit: 50 });
    expect(JSON.stringify(page)).not.toMatch(/@orgo\.dev/);
  });

  it("hides soft-deleted posts", async () => {
    const victim = (await posts.latest({ limit: 1 })).items[0]!;
    await fresh.db.post.update({ where: { id: victim.id }, data: { deletedAt: new Date() } });
    const page = await posts.latest({ limit: 50 });
    expect(page.items.map((p) => p.id)).not.toContain(victim.id);
  });

  it("publishes a created post only after it is committed", async () => {
    let visibleWhenPublished = false;
    const off = await bus.subscribe("posts", (event: TEventEnvelope) => {
      if (event.type !== "post.created") return;
      void fresh.db.post
        .findUnique({ where: { id: event.data.id } })
        .then((row) => (visibleWhenPublished = row !== null));
    });
    const created = await posts.createAsDemoUser({ title: "Hello", body: "World" });
    await new Promise((r) => setTimeout(r, 100));
    off();
    expect(visibleWhenPublished).toBe(true);
    expect(created.author.handle).toBe("demo");
  });

  it("allocates ids in commit order under concurrent creation", async () => {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => posts.createAsDemoUser({ title: `c${i}`, body: "x" })),
    );
    const ids = created.map((p) => p.id).sort((a, b) => a - b);
    const rows = await fresh.db.post.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    expect(rows.map((r) => r.id)).toEqual(ids);
  });

  it("uses the same number of SQL statements for a page of 1 and of 50", async () => {
    fresh.queries.length = 0;
    await posts.latest({ limit: 1 });
    const small = fresh.queries.length;
    fresh.queries.length = 0;
    await posts.latest({ limit: 50 });
    expect(fresh.queries.length).toBe(small);
  });
});
