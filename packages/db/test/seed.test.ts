import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../src/seed/seed.js";
import { demoPosts, demoUsers } from "../src/seed/demo-data.js";
import { freshDatabase, type FreshDatabase } from "../src/testing/index.js";

describe("seedDemoData", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(() => fresh.drop());

  it("fills an empty database and changes nothing when run again", async () => {
    expect(await seedDemoData(fresh.db)).toEqual({ users: demoUsers.length, posts: demoPosts.length });
    expect(await seedDemoData(fresh.db)).toEqual({ users: demoUsers.length, posts: 0 });
    expect(await fresh.db.user.count()).toBe(demoUsers.length);
    expect(await fresh.db.post.count()).toBe(demoPosts.length);
  });

  it("writes posts oldest first, so ids follow creation time", async () => {
    const posts = await fresh.db.post.findMany({ orderBy: { id: "asc" }, select: { createdAt: true } });
    const times = posts.map((p) => p.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
