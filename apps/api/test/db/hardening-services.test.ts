import { describe, expect, it } from "vitest";
import { communityFixture } from "../helpers/community-fixture.js";

describe("hardening: counters, blocks and notifications", () => {
  const f = communityFixture();
  const notificationsOf = (userId: string) => f.fresh.db.notification.findMany({ where: { recipientId: userId } });

  it("#15 moves a post's and a comment's edited time only when the author edits", async () => {
    const author = await f.person();
    const reader = await f.person();
    const post = await f.posts.create(author, { title: "Stays put", body: "until I edit it", imageIds: [] });
    const updatedAt = async () =>
      (await f.fresh.db.post.findUniqueOrThrow({ where: { id: post.id } })).updatedAt.getTime();
    const before = await updatedAt();
    expect(before).toBe(post.createdAt.getTime());

    await new Promise((resolve) => setTimeout(resolve, 20));
    await f.posts.like(reader, post.id);
    await f.posts.recordView(post.id, reader, { userAgent: "t", ip: "192.0.2.1" });
    const comment = await f.comments.create(reader, { postId: post.id, body: "a comment moves nothing" });
    await f.posts.unlike(reader, post.id);
    expect(await updatedAt()).toBe(before);
    expect((await f.posts.byId(post.id, reader)).updatedAt.getTime()).toBe(before);

    // A reply and a deletion leave the comment's own "edited" mark alone.
    await f.comments.create(author, { postId: post.id, parentId: comment.id, body: "a reply" });
    const thread = (await f.comments.list({ postId: post.id, limit: 20 }, reader)).items[0]!;
    expect(thread.edited).toBe(false);

    await f.posts.update(author, { id: post.id, title: "Edited", body: "now it moves", imageIds: [] });
    expect(await updatedAt()).toBeGreaterThan(before);
  });

  it("#16 silences likes, comments, replies and follows between two people once either blocks the other", async () => {
    const b = await f.person();
    const a = await f.person();
    const postOfB = await f.posts.create(b, { title: "B's post", body: "B blocks A", imageIds: [] });
    const commentOfB = await f.comments.create(b, { postId: postOfB.id, body: "B's own comment" });
    await f.social.block(b, a.userId);
    const postOfA = await f.posts.create(a, { title: "A's post", body: "A is blocked", imageIds: [] });
    const eventsBefore = f.events.length;

    // A acts on B's things…
    await f.posts.like(a, postOfB.id).catch(() => undefined);
    await f.comments.create(a, { postId: postOfB.id, body: "from A" }).catch(() => undefined);
    await f.comments
      .create(a, { postId: postOfB.id, parentId: commentOfB.id, body: "reply from A" })
      .catch(() => undefined);
    // …and B on A's (the block holds both ways).
    await f.posts.like(b, postOfA.id).catch(() => undefined);
    await f.comments.create(b, { postId: postOfA.id, body: "from B" }).catch(() => undefined);

    expect(await notificationsOf(b.userId)).toEqual([]);
    expect(await notificationsOf(a.userId)).toEqual([]);
    expect(f.events.slice(eventsBefore).filter((e) => e.type === "notification.changed")).toEqual([]);

    // Lifted, they are heard again.
    await f.social.unblock(b, a.userId);
    await f.posts.unlike(a, postOfB.id);
    await f.posts.like(a, postOfB.id);
    expect((await notificationsOf(b.userId)).map((n) => n.type)).toEqual(["like"]);
  });

  it("never tells anyone they were mentioned by someone on either side of a block, in a post or a comment", async () => {
    const [blocker, blocked, bystander] = [await f.person(), await f.person(), await f.person()];
    await f.social.block(blocker, blocked.userId);
    const mentionsOf = (userId: string) =>
      f.fresh.db.notification.count({ where: { recipientId: userId, type: "mention" } });
    const post = await f.posts.create(blocked, {
      title: `Hey @${blocker.handle}`,
      body: `and @${bystander.handle}`,
      imageIds: [],
    });
    await f.comments.create(blocked, { postId: post.id, body: `@${blocker.handle} again` });
    await f.posts.create(blocker, { title: "Back", body: `@${blocked.handle}`, imageIds: [] });
    expect(await mentionsOf(blocker.userId)).toBe(0);
    expect(await mentionsOf(blocked.userId)).toBe(0);
    expect(await mentionsOf(bystander.userId)).toBe(1);
  });

  it("does not notify again when someone follows a second time (a read notification stays read)", async () => {
    const star = await f.person();
    const fan = await f.person();
    await f.social.follow(fan, star.userId);
    await f.notifications.markAllRead(star);
    expect(await f.notifications.unreadCount(star)).toBe(0);
    const eventsBefore = f.events.length;

    await f.social.follow(fan, star.userId);
    expect(await f.notifications.unreadCount(star)).toBe(0);
    expect(f.events.slice(eventsBefore).filter((e) => e.type === "notification.changed")).toEqual([]);
  });

  it("shows nobody's e-mail in the lists where people appear", async () => {
    const me = await f.person();
    const other = await f.person();
    await f.social.follow(other, me.userId);
    await f.social.follow(me, other.userId);
    const post = await f.posts.create(other, { title: "Seen by me", body: "with a comment", imageIds: [] });
    await f.comments.create(other, { postId: post.id, body: "a comment" });
    await f.posts.like(other, post.id);
    const seen = JSON.stringify([
      await f.social.followers({ userId: me.userId, limit: 50 }, me),
      await f.social.following({ userId: me.userId, limit: 50 }, me),
      await f.posts.feed({ kind: "following", limit: 50 }, me),
      await f.posts.byId(post.id, me),
      await f.comments.list({ postId: post.id, limit: 50 }, me),
      await f.notifications.list(other, { limit: 50 }),
    ]);
    // Every test person has an e-mail: the lists above are full of people, and none shows one.
    expect(seen).toContain(other.handle);
    expect(seen).not.toMatch(/@people\.test/);
  });
});
