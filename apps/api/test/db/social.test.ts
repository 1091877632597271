import { describe, expect, it } from "vitest";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";

describe("follows, blocks and notifications", () => {
  const f = communityFixture();
  const counts = (userId: string) =>
    f.fresh.db.user.findUniqueOrThrow({ where: { id: userId }, select: { followerCount: true, followingCount: true } });

  it("follows idempotently under parallel requests, notifying once, and never oneself", async () => {
    const fan = await f.person();
    const star = await f.person();
    const results = await Promise.all(Array.from({ length: 15 }, () => f.social.follow(fan, star.userId)));
    expect(results.every((r) => r.following)).toBe(true);
    expect(await counts(star.userId)).toMatchObject({ followerCount: 1 });
    expect(await counts(fan.userId)).toMatchObject({ followingCount: 1 });
    expect(await f.fresh.db.notification.count({ where: { recipientId: star.userId, type: "follow" } })).toBe(1);
    expect((await appErrorOf(f.social.follow(fan, fan.userId))).code).toBe("VALIDATION");

    await Promise.all(Array.from({ length: 5 }, () => f.social.unfollow(fan, star.userId)));
    expect(await counts(star.userId)).toMatchObject({ followerCount: 0 });
    expect(await counts(fan.userId)).toMatchObject({ followingCount: 0 });
  });

  it("lists followers and following with 'follows you', paginated without gaps", async () => {
    const me = await f.person();
    const people = await Promise.all(Array.from({ length: 7 }, () => f.person()));
    for (const p of people) await f.social.follow(p, me.userId);
    await f.social.follow(me, people[2]!.userId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await f.social.followers({ userId: me.userId, cursor, limit: 3 }, me);
      seen.push(...page.items.map((p) => p.handle));
      cursor = page.nextCursor;
      for (const item of page.items) {
        expect(item.followsMe).toBe(true);
        expect(item.followedByMe).toBe(item.id === people[2]!.userId);
      }
    } while (cursor);
    expect(seen.sort()).toEqual(people.map((p) => p.handle).sort());
    const following = await f.social.following({ userId: me.userId, limit: 10 }, people[2]!);
    expect(following.items.map((p) => p.handle)).toEqual([people[2]!.handle]);
    // people[2] looks at this list: it is themself, who follows `me`.
    expect(following.items[0]).toMatchObject({ followsMe: false, followedByMe: false });
    expect(JSON.stringify(following)).not.toContain("@");
  });

  it("blocks: ends follows both ways, refuses new follows either way, and is listed", async () => {
    const a = await f.person();
    const b = await f.person();
    await f.social.follow(a, b.userId);
    await f.social.follow(b, a.userId);
    await f.social.block(a, b.userId);
    await f.social.block(a, b.userId);
    expect(await f.fresh.db.follow.count({ where: { OR: [{ followerId: a.userId }, { followerId: b.userId }] } })).toBe(
      0,
    );
    expect(await counts(a.userId)).toEqual({ followerCount: 0, followingCount: 0 });
    expect((await appErrorOf(f.social.follow(b, a.userId))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(f.social.follow(a, b.userId))).code).toBe("FORBIDDEN");
    expect((await f.social.blocked(a)).map((u) => u.id)).toEqual([b.userId]);
    expect((await appErrorOf(f.social.block(a, a.userId))).code).toBe("VALIDATION");
    await f.social.unblock(a, b.userId);
    expect((await f.social.follow(b, a.userId)).following).toBe(true);
  });

  it("groups likes of a post and follows within a day, newest actor first, never for one's own actions", async () => {
    const author = await f.person();
    const post = await f.posts.create(author, { title: "Grouped", body: "x", imageIds: [] });
    await f.posts.like(author, post.id);
    const fans = await Promise.all(Array.from({ length: 3 }, () => f.person()));
    for (const fan of fans) await f.posts.like(fan, post.id);
    // Unlike and like again is not a new person.
    await f.posts.unlike(fans[2]!, post.id);
    await f.posts.like(fans[2]!, post.id);
    for (const fan of fans.slice(0, 2)) await f.social.follow(fan, author.userId);

    const { items } = await f.notifications.list(author, { limit: 20 });
    expect(items.map((n) => [n.type, n.count])).toEqual([
      ["follow", 2],
      ["like", 3],
    ]);
    expect(items[1]!.actor.id).toBe(fans[2]!.userId);
    expect(items[1]!.post).toEqual({ id: post.id, title: "Grouped" });
    expect(JSON.stringify(items)).not.toContain("@example");
    expect(await f.notifications.unreadCount(author)).toBe(2);
  });

  it("publishes each new or grown notification on its recipient's channel after the commit, shaped and numbered", async () => {
    const author = await f.person();
    const [fan, other] = [await f.person(), await f.person()];
    const post = await f.posts.create(author, { title: "Events", body: "x", imageIds: [] });
    f.events.length = 0;
    await f.posts.like(fan, post.id);
    await f.posts.like(other, post.id); // grows the same row
    const changes = f.events.filter((e) => e.type === "notification.changed");
    expect(changes.map((e) => e.type === "notification.changed" && e.data.changeSeq)).toEqual([1, 2]);
    const last = changes[1]!;
    expect(last).toMatchObject({
      data: {
        recipientId: author.userId,
        unreadCount: 1,
        notification: { type: "like", count: 2, actor: { id: other.userId }, post: { id: post.id } },
      },
    });
    expect(JSON.stringify(changes)).not.toContain("@people.test");
    // Marking read tells my other tabs, with the new count.
    f.events.length = 0;
    await f.notifications.markAllRead(author);
    expect(f.events).toEqual([
      { v: 1, type: "notification.read", data: { recipientId: author.userId, ids: null, unreadCount: 0 } },
    ]);
  });

  it("marks one or all read, only the viewer's own", async () => {
    const author = await f.person();
    const post = await f.posts.create(author, { title: "Read", body: "x", imageIds: [] });
    const [x, y] = [await f.person(), await f.person()];
    await f.comments.create(x, { postId: post.id, body: "first" });
    await f.comments.create(y, { postId: post.id, body: "second" });
    const { items } = await f.notifications.list(author, { limit: 10 });
    expect((await appErrorOf(f.notifications.markRead(x, items[0]!.id))).code).toBe("NOT_FOUND");
    await f.notifications.markRead(author, items[0]!.id);
    expect(await f.notifications.unreadCount(author)).toBe(1);
    await f.notifications.markAllRead(author);
    expect(await f.notifications.unreadCount(author)).toBe(0);
  });
});
