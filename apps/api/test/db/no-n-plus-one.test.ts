import { beforeAll, describe, expect, it } from "vitest";
import type { TViewer } from "@orgo/api-contract";
import { communityFixture } from "../helpers/community-fixture.js";

/**
 * Every list costs a fixed number of SQL statements whatever the page size: the
 * same count for a page of 1 and a page of 50 proves there is no query per row.
 */
describe("no N+1 in any list", () => {
  const f = communityFixture();
  let me: TViewer;
  let postId: number;

  beforeAll(async () => {
    me = await f.person("counted");
    const others = await Promise.all(Array.from({ length: 55 }, () => f.person()));
    const post = await f.posts.create(me, { title: "Busy", body: "x", imageIds: [] });
    postId = post.id;
    for (const other of others) {
      // Blocking ends follows, so it comes first; it leaves a blocked list to read.
      await f.social.block(me, other.userId);
      await f.social.unblock(me, other.userId);
      await f.social.follow(other, me.userId);
      await f.social.follow(me, other.userId);
      await f.posts.create(other, { title: `by ${other.handle}`, body: "x", imageIds: [] });
      const top = await f.comments.create(other, { postId, body: "hi" });
      await f.comments.create(me, { postId, parentId: top.id, body: "hello" });
      await f.posts.like(other, postId);
      await f.posts.create(me, { title: `mine ${other.handle}`, body: "x", imageIds: [] });
    }
    // Comment notifications are one per comment: plenty for a page of 50.
  });

  const lists: Record<string, (limit: number) => Promise<{ length: number }>> = {
    "post.feed latest": (limit) => f.posts.feed({ kind: "latest", limit }, me).then((p) => p.items),
    "post.feed following": (limit) => f.posts.feed({ kind: "following", limit }, me).then((p) => p.items),
    "post.feed popular": (limit) => f.posts.feed({ kind: "popular", limit }, me).then((p) => p.items),
    "post.feed by author": (limit) =>
      f.posts.feed({ kind: "latest", authorHandle: "counted", limit }, me).then((p) => p.items),
    "comment.list": (limit) => f.comments.list({ postId, limit }, me).then((p) => p.items),
    "social.followers": (limit) => f.social.followers({ userId: me.userId, limit }, me).then((p) => p.items),
    "social.following": (limit) => f.social.following({ userId: me.userId, limit }, me).then((p) => p.items),
    "notification.list": (limit) => f.notifications.list(me, { limit }).then((p) => p.items),
  };

  for (const [name, list] of Object.entries(lists)) {
    it(`${name}: same statements for 1 row and for 50`, async () => {
      f.fresh.queries.length = 0;
      expect((await list(1)).length).toBe(1);
      const small = f.fresh.queries.length;
      f.fresh.queries.length = 0;
      expect((await list(50)).length).toBeGreaterThanOrEqual(40);
      expect(f.fresh.queries.length).toBe(small);
    });
  }
});
