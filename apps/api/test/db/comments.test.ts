import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { channels } from "@orgo/api-contract";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";

describe("comments and replies", () => {
  const f = communityFixture();

  async function setup() {
    const author = await f.person();
    const reader = await f.person();
    const post = await f.posts.create(author, { title: "Discuss", body: "x", imageIds: [] });
    return { author, reader, post };
  }

  it("keeps one level of replies, on the same post, and counts comments on the post", async () => {
    const { author, reader, post } = await setup();
    const other = await f.posts.create(author, { title: "Elsewhere", body: "x", imageIds: [] });
    const top = await f.comments.create(reader, { postId: post.id, body: "```ts\nconst x = 1;\n```" });
    const reply = await f.comments.create(author, { postId: post.id, parentId: top.id, body: "Nice" });
    expect(reply.parentId).toBe(top.id);
    const deeper = await appErrorOf(f.comments.create(reader, { postId: post.id, parentId: reply.id, body: "no" }));
    const crossPost = await appErrorOf(f.comments.create(reader, { postId: other.id, parentId: top.id, body: "no" }));
    expect([deeper.code, crossPost.code]).toEqual(["VALIDATION", "VALIDATION"]);
    expect((await f.posts.byId(post.id, null)).commentCount).toBe(2);

    const { items } = await f.comments.list({ postId: post.id, limit: 10 }, null);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: top.id, replyCount: 1, body: "```ts\nconst x = 1;\n```" });
    expect(items[0]!.replies.map((r) => r.id)).toEqual([reply.id]);
  });

  it("stores a comment once however often its client id is retried, even all at once", async () => {
    const { author, reader, post } = await setup();
    const clientId = randomUUID();
    const first = await f.comments.create(reader, { postId: post.id, body: "Sent twice", clientId });
    const again = await f.comments.create(reader, { postId: post.id, body: "Sent twice", clientId });
    expect(again).toEqual(first);
    const burstId = randomUUID();
    const burst = await Promise.all(
      Array.from({ length: 20 }, () =>
        f.comments.create(reader, { postId: post.id, body: "Burst", clientId: burstId }),
      ),
    );
    expect(new Set(burst.map((c) => c.id)).size).toBe(1);
    // Counted and notified once each; another person's same id is their own comment.
    expect((await f.posts.byId(post.id, null)).commentCount).toBe(2);
    const notified = await f.notifications.list(author, { limit: 10 });
    expect(notified.items.filter((n) => n.type === "comment")).toHaveLength(2);
    const theirs = await f.comments.create(author, { postId: post.id, body: "Mine", clientId });
    expect(theirs.id).not.toBe(first.id);
  });

  it("notifies the post's author of a comment and the comment's author of a reply, never oneself", async () => {
    const { author, reader, post } = await setup();
    const top = await f.comments.create(reader, { postId: post.id, body: "Why does `map` **skip** holes?" });
    await f.comments.create(author, { postId: post.id, parentId: top.id, body: "Answer" });
    await f.comments.create(author, { postId: post.id, body: "My own note" });
    const forAuthor = await f.notifications.list(author, { limit: 10 });
    const forReader = await f.notifications.list(reader, { limit: 10 });
    expect(forAuthor.items.map((n) => n.type)).toEqual(["comment"]);
    expect(forReader.items.map((n) => n.type)).toEqual(["reply"]);
    // Each tells what was said, as plain text; a deleted comment's notice goes with it.
    expect(forAuthor.items[0]!.excerpt).toBe("Why does map skip holes?");
    expect(forReader.items[0]!.excerpt).toBe("Answer");
    await f.comments.delete(reader, top.id);
    expect((await f.notifications.list(author, { limit: 10 })).items).toEqual([]);
  });

  it("lets only the author edit or delete; a deleted comment with replies stays as a placeholder", async () => {
    const { author, reader, post } = await setup();
    const top = await f.comments.create(reader, { postId: post.id, body: "Original" });
    const lone = await f.comments.create(reader, { postId: post.id, body: "Alone" });
    await f.comments.create(author, { postId: post.id, parentId: top.id, body: "Reply" });
    expect((await appErrorOf(f.comments.update(author, { id: top.id, body: "Hijack" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(f.comments.delete(author, top.id))).code).toBe("FORBIDDEN");
    expect(top.edited).toBe(false);
    const edited = await f.comments.update(reader, { id: top.id, body: "Edited" });
    expect(edited).toMatchObject({ body: "Edited", edited: true });

    await f.comments.delete(reader, top.id);
    await f.comments.delete(reader, lone.id);
    const { items } = await f.comments.list({ postId: post.id, limit: 10 }, null);
    expect(items.map((c) => c.id)).toEqual([top.id]);
    expect(items[0]).toMatchObject({ deleted: true, author: null, body: "", replyCount: 1 });
    expect((await f.posts.byId(post.id, null)).commentCount).toBe(1);
    expect((await appErrorOf(f.comments.update(reader, { id: top.id, body: "again" }))).code).toBe("NOT_FOUND");
  });

  it("pages threads oldest first with no gap, and hides the comments of a deleted post", async () => {
    const { author, reader, post } = await setup();
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await f.comments.create(reader, { postId: post.id, body: `c${i}` })).id);
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page = await f.comments.list({ postId: post.id, cursor, limit: 3 }, null);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made);
    await f.posts.delete(author, post.id);
    expect((await appErrorOf(f.comments.list({ postId: post.id, limit: 3 }, null))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(f.comments.create(reader, { postId: post.id, body: "late" }))).code).toBe("NOT_FOUND");
  });

  it("likes a comment once per person, tells its author once a day grouped, and shows no likes on a placeholder", async () => {
    const { author, reader, post } = await setup();
    const third = await f.person();
    const comment = await f.comments.create(reader, { postId: post.id, body: "Liked one" });
    const reply = await f.comments.create(author, { postId: post.id, parentId: comment.id, body: "Thanks" });
    expect(comment).toMatchObject({ likeCount: 0, likedByMe: false });
    // The post's open views hear of every like that changes something, and refetch its comments.
    const heard: boolean[] = [];
    const off = await f.bus.subscribe(channels.post(post.id), (event) => {
      if (event.type === "post.changed") heard.push(event.data.comments);
    });

    expect(await f.comments.like(author, comment.id)).toEqual({ liked: true, likeCount: 1 });
    // A repeat changes nothing, in parallel too.
    await Promise.all([f.comments.like(author, comment.id), f.comments.like(author, comment.id)]);
    expect(await f.comments.like(third, comment.id)).toEqual({ liked: true, likeCount: 2 });
    // One's own like counts and tells nobody.
    expect(await f.comments.like(reader, comment.id)).toEqual({ liked: true, likeCount: 3 });
    expect(await f.comments.unlike(reader, comment.id)).toEqual({ liked: false, likeCount: 2 });
    expect(await f.comments.unlike(reader, comment.id)).toEqual({ liked: false, likeCount: 2 });
    await f.comments.like(reader, reply.id);
    // Four likes and an unlike changed something; the repeats did not.
    await expect.poll(() => heard).toEqual([true, true, true, true, true]);
    off();

    const asThird = (await f.comments.list({ postId: post.id, limit: 10 }, third)).items[0]!;
    expect(asThird).toMatchObject({ likeCount: 2, likedByMe: true });
    expect(asThird.replies[0]).toMatchObject({ likeCount: 1, likedByMe: false });
    const anonymous = (await f.comments.list({ postId: post.id, limit: 10 }, null)).items[0]!;
    expect(anonymous).toMatchObject({ likeCount: 2, likedByMe: false });

    const told = (await f.notifications.list(reader, { limit: 10 })).items.filter((n) => n.type === "comment_like");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ count: 2, commentId: comment.id, excerpt: "Liked one", post: { id: post.id } });
    expect(told[0]!.actor.id).toBe(third.userId);
    const forAuthor = (await f.notifications.list(author, { limit: 10 })).items.filter(
      (n) => n.type === "comment_like",
    );
    expect(forAuthor.map((n) => n.commentId)).toEqual([reply.id]);

    // Gone or missing: NOT_FOUND; a deleted comment's placeholder shows no likes, and its notice goes.
    expect((await appErrorOf(f.comments.like(third, 999_999_999))).code).toBe("NOT_FOUND");
    await f.comments.delete(reader, comment.id);
    expect((await appErrorOf(f.comments.like(third, comment.id))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(f.comments.unlike(third, comment.id))).code).toBe("NOT_FOUND");
    const placeholder = (await f.comments.list({ postId: post.id, limit: 10 }, third)).items[0]!;
    expect(placeholder).toMatchObject({ deleted: true, likeCount: 0, likedByMe: false });
    expect((await f.notifications.list(reader, { limit: 10 })).items.map((n) => n.type)).not.toContain("comment_like");
  });
});
