import { randomUUID } from "node:crypto";
import type WebSocket from "ws";
import { describe, expect, it } from "vitest";
import type { TNotificationEvent } from "@orgo/api-contract";
import { subscribeRaw } from "../helpers/live-subscription.js";
import { redisUrlForTests } from "../helpers/redis.js";
import { rawTrpc } from "../helpers/raw-trpc.js";
import { twoSeededProcesses } from "../helpers/two-processes.js";
import { waitFor } from "../helpers/wait.js";

const redisUrl = await redisUrlForTests();
/** `notification.onChange` over a raw websocket, as any tRPC client speaks it. */
function notificationStream(baseUrl: string, cookie: string, input: object, sockets: WebSocket[]) {
  const stream = subscribeRaw<TNotificationEvent>(baseUrl, cookie, "notification.onChange", input, sockets);
  return { ...stream, changes: () => stream.events().flatMap((e) => (e.kind === "changed" ? [e] : [])) };
}

/** B's tab on process 2 hears what A does on process 1, through Redis; C never hears B's. */
describe.skipIf(!redisUrl)("notifications, live across two API processes", () => {
  const t = twoSeededProcesses(redisUrl!);
  const { cookies, ids, api, ok } = t;

  it("delivers each of A's actions to B's tab on the other process once, shaped, with the unread count; never to C", async () => {
    const b = notificationStream(t.p2.url, cookies.jiwoo!, {}, t.openSockets);
    const c = notificationStream(t.p2.url, cookies.sara_k!, {}, t.openSockets);
    await waitFor(() => b.started() && c.started(), "both subscribed");
    const post = await ok<{ id: number }>(
      api(t.p2, "jiwoo").mutate("post.create", { title: "Live", body: "Hello", imageIds: [] }),
    );
    await ok(api(t.p1, "leo_builds").mutate("social.unfollow", { userId: ids.jiwoo }));
    await ok(api(t.p1, "leo_builds").mutate("social.follow", { userId: ids.jiwoo }));
    await ok(api(t.p1, "leo_builds").mutate("post.like", { id: post.id }));
    await ok(api(t.p1, "leo_builds").mutate("comment.create", { postId: post.id, body: "Nice" }));
    await waitFor(() => b.changes().length >= 3, "B's three notifications", 5_000);
    const types = b.changes().map((e) => e.notification.type);
    expect(types.slice(-3)).toEqual(["follow", "like", "comment"]);
    expect(b.changes().at(-1)).toMatchObject({
      notification: { actor: { handle: "leo_builds" }, post: { id: post.id, title: "Live" }, read: false },
    });
    const unread = await ok<number>(api(t.p2, "jiwoo").query("notification.unreadCount"));
    expect(b.changes().at(-1)!.unreadCount).toBe(unread);
    // Ids are the stream's change numbers: consecutive, no duplicate.
    const trackedIds = b.received.filter((r) => r.id !== null).map((r) => Number(r.id));
    expect(new Set(trackedIds).size).toBe(trackedIds.length);
    trackedIds.slice(1).forEach((id, i) => expect(id).toBe(trackedIds[i]! + 1));
    // C's stream carries nothing of B's (there is no input that names a person).
    expect(JSON.stringify(c.received)).not.toContain(String(post.id));
    expect(c.received).toEqual([]);
  });

  it("resumes after a cut with what was missed, once, and tells every tab of mine about reads", async () => {
    const first = notificationStream(t.p2.url, cookies.jiwoo!, {}, t.openSockets);
    const other = notificationStream(t.p1.url, cookies.jiwoo!, {}, t.openSockets);
    await waitFor(() => first.started() && other.started(), "two tabs subscribed");
    const post = await ok<{ id: number }>(
      api(t.p2, "jiwoo").mutate("post.create", { title: "Resume", body: "x", imageIds: [] }),
    );
    await ok(api(t.p1, "leo_builds").mutate("comment.create", { postId: post.id, body: "one" }));
    await waitFor(() => first.changes().length >= 1, "the first comment");
    const resumeFrom = first.lastId()!;
    first.cut();
    for (const body of ["two", "three", "four", "five", "six"]) {
      await ok(api(t.p1, "leo_builds").mutate("comment.create", { postId: post.id, body }));
    }
    const back = notificationStream(t.p2.url, cookies.jiwoo!, { lastEventId: resumeFrom }, t.openSockets);
    await waitFor(() => back.changes().length >= 5, "the five missed comments", 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(back.changes().map((e) => e.notification.type)).toEqual([
      "comment",
      "comment",
      "comment",
      "comment",
      "comment",
    ]);
    expect(back.changes().at(-1)!.unreadCount).toBe(
      await ok<number>(api(t.p2, "jiwoo").query("notification.unreadCount")),
    );

    // Reading everything in one tab clears the badge in the other, on the other process.
    await ok(api(t.p2, "jiwoo").mutate("notification.markAllRead"));
    await waitFor(
      () => other.received.some((r) => r.event.kind === "read" && r.event.ids === null && r.event.unreadCount === 0),
      "the other tab hears the read",
    );
    // A notification of someone else cannot be marked by me: not found, and nothing published.
    await ok(api(t.p1, "jiwoo").mutate("social.unfollow", { userId: ids.sara_k }));
    await ok(api(t.p1, "jiwoo").mutate("social.follow", { userId: ids.sara_k }));
    const strangers = await t.fresh.db.notification.findFirstOrThrow({ where: { recipientId: ids.sara_k } });
    const refused = await api(t.p2, "jiwoo").mutate("notification.markRead", { id: strangers.id });
    expect(refused.status).toBe(404);
  });

  it("announces by B's preferences: a muted kind or a pause is stored, counted and delivered, never pushed", async () => {
    const b = notificationStream(t.p2.url, cookies.jiwoo!, {}, t.openSockets);
    await waitFor(() => b.started(), "subscribed");
    const post = await ok<{ id: number }>(
      api(t.p2, "jiwoo").mutate("post.create", { title: "Quiet likes", body: "x", imageIds: [] }),
    );
    const prefs = await ok<{ categories: Record<string, { inApp: boolean; desktop: boolean }> }>(
      api(t.p2, "jiwoo").mutate("notification.setPreference", { category: "likes", inApp: false, desktop: false }),
    );
    expect(prefs.categories.likes).toEqual({ inApp: false, desktop: false });
    expect(prefs.categories.comments).toEqual({ inApp: true, desktop: true });
    await ok(
      api(t.p2, "jiwoo").mutate("notification.setPreference", { category: "comments", inApp: true, desktop: false }),
    );

    await ok(api(t.p1, "leo_builds").mutate("post.like", { id: post.id }));
    await ok(api(t.p1, "leo_builds").mutate("comment.create", { postId: post.id, body: "Loud enough?" }));
    await waitFor(() => b.changes().length >= 2, "the like and the comment");
    const [like, comment] = b.changes().slice(-2);
    expect(like!.notification.type).toBe("like");
    expect(like!.alert).toEqual({ inApp: false, desktop: false });
    expect(comment!.alert).toEqual({ inApp: true, desktop: false });
    // Stored and counted all the same.
    const stored = await t.fresh.db.notification.count({ where: { recipientId: ids.jiwoo, postId: post.id } });
    expect(stored).toBe(2);
    expect(comment!.unreadCount).toBe(await ok<number>(api(t.p2, "jiwoo").query("notification.unreadCount")));

    // "Pause all" silences every kind until it ends or is lifted.
    const paused = await ok<{ pausedUntil: string | null }>(
      api(t.p2, "jiwoo").mutate("notification.pause", { until: new Date(Date.now() + 3600_000) }),
    );
    expect(paused.pausedUntil).not.toBeNull();
    await ok(api(t.p1, "sara_k").mutate("comment.create", { postId: post.id, body: "While paused" }));
    await waitFor(() => b.changes().length >= 3, "the paused comment");
    expect(b.changes().at(-1)!.alert).toEqual({ inApp: false, desktop: false });
    await ok(api(t.p2, "jiwoo").mutate("notification.pause", { until: null }));
    await ok(api(t.p1, "sara_k").mutate("comment.create", { postId: post.id, body: "After the pause" }));
    await waitFor(() => b.changes().length >= 4, "the comment after the pause");
    expect(b.changes().at(-1)!.alert).toEqual({ inApp: true, desktop: false });

    // Bad input is refused with a field error, never stored.
    const past = await api(t.p2, "jiwoo").mutate("notification.pause", { until: new Date(Date.now() - 60_000) });
    expect(past.status).toBe(400);
    expect(past.text).toContain("Pick a time in the future");
    const tooLong = await api(t.p2, "jiwoo").mutate("notification.pause", {
      until: new Date(Date.now() + 8 * 86_400_000),
    });
    expect(tooLong.status).toBe(400);
    const unknown = await api(t.p2, "jiwoo").mutate("notification.setPreference", {
      category: "everything",
      inApp: false,
      desktop: false,
    });
    expect(unknown.status).toBe(400);
    expect(await t.fresh.db.notificationPreference.count({ where: { userId: ids.jiwoo } })).toBe(2);
    // Preferences are mine only: Sara's are untouched.
    const saras = await ok<{ categories: Record<string, { inApp: boolean }>; pausedUntil: null }>(
      api(t.p1, "sara_k").query("notification.preferences"),
    );
    expect(saras.categories.likes!.inApp).toBe(true);
    expect((await rawTrpc(t.p1.url).query("notification.preferences")).status).toBe(401);
  });

  it("mentions: @handle in a post, comment or chat message tells that person once, never oneself, never across a block", async () => {
    const b = notificationStream(t.p2.url, cookies.jiwoo!, {}, t.openSockets);
    await waitFor(() => b.started(), "subscribed");
    const mentions = () => b.changes().filter((e) => e.notification.type === "mention");
    const leo = (path: string, input: object) =>
      ok<{ id: number; seq?: number }>(api(t.p1, "leo_builds").mutate(path, input));

    // A post: @jiwoo is told, once however often the post is edited; Leo never is.
    const post = await leo("post.create", {
      title: "Pairing with @jiwoo",
      body: "Thanks @JIWOO and @leo_builds",
      imageIds: [],
    });
    await waitFor(() => mentions().length >= 1, "the post's mention");
    expect(mentions()[0]!.notification).toMatchObject({ actor: { handle: "leo_builds" }, post: { id: post.id } });
    await leo("post.update", { id: post.id, title: "Pairing with @jiwoo", body: "Edited, still @jiwoo", imageIds: [] });

    // A comment mentioning the post's author tells her once, as a comment (not twice).
    const mine = await ok<{ id: number }>(
      api(t.p2, "jiwoo").mutate("post.create", { title: "Mine", body: "x", imageIds: [] }),
    );
    await leo("comment.create", { postId: mine.id, body: "@jiwoo nice post" });
    await waitFor(
      () => b.changes().some((e) => e.notification.type === "comment" && e.notification.post?.id === mine.id),
      "the comment",
    );

    // A reply elsewhere that mentions her: a mention with its post and comment.
    const comment = await leo("comment.create", { postId: post.id, body: "A thread" });
    await leo("comment.create", { postId: post.id, parentId: comment.id, body: "what do you think, @jiwoo?" });
    await waitFor(() => mentions().length >= 2, "the reply's mention");
    expect(mentions()[1]!.notification.commentId).not.toBeNull();

    // A chat message: members only. Sara is not in the room, so she is not told.
    await ok(api(t.p1, "leo_builds").mutate("social.follow", { userId: ids.jiwoo }));
    const room = await leo("chat.openDirect", { userId: ids.jiwoo });
    await leo("chat.send", { roomId: room.id, clientId: randomUUID(), body: "@jiwoo @sara_k look" });
    await waitFor(() => mentions().length >= 3, "the chat mention");
    expect(mentions()[2]!.notification.room).toEqual({ id: room.id });
    expect(await t.fresh.db.notification.count({ where: { recipientId: ids.sara_k, type: "mention" } })).toBe(0);

    // Across a block, nothing: Sara blocks Leo, then Leo mentions her.
    await ok(api(t.p1, "sara_k").mutate("social.block", { userId: ids.leo_builds }));
    await leo("post.create", { title: "Hello @sara_k", body: "and @jiwoo", imageIds: [] });
    await waitFor(() => mentions().length >= 4, "the last post's mention of jiwoo");
    expect(await t.fresh.db.notification.count({ where: { recipientId: ids.sara_k, type: "mention" } })).toBe(0);
    await ok(api(t.p1, "sara_k").mutate("social.unblock", { userId: ids.leo_builds }));

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mentions()).toHaveLength(4);

    // The composers' "@" list: people I follow first, by prefix of handle or name, never
    // myself, nobody across a block, LIKE's characters taken literally.
    type Person = { handle: string; email?: string };
    const suggest = (handle: string, q: string) => ok<Person[]>(api(t.p2, handle).query("user.suggest", { q }));
    const followed = await suggest("jiwoo", "");
    expect(followed.length).toBeGreaterThan(0);
    expect(followed.map((p) => p.handle)).not.toContain("jiwoo");
    expect((await suggest("jiwoo", "LE")).map((p) => p.handle)).toEqual(["leo_builds"]);
    expect((await suggest("jiwoo", "Leo P")).map((p) => p.handle)).toEqual(["leo_builds"]);
    expect(await suggest("jiwoo", "%")).toEqual([]);
    expect(await suggest("jiwoo", "_")).toEqual([]);
    expect(JSON.stringify(followed)).not.toContain("@");
    await ok(api(t.p1, "sara_k").mutate("social.block", { userId: ids.jiwoo }));
    expect((await suggest("jiwoo", "sara")).map((p) => p.handle)).toEqual([]);
    await ok(api(t.p1, "sara_k").mutate("social.unblock", { userId: ids.jiwoo }));
    expect((await suggest("jiwoo", "sara")).map((p) => p.handle)).toEqual(["sara_k"]);
    expect((await rawTrpc(t.p2.url).query("user.suggest", { q: "" })).status).toBe(401);
    expect(await t.fresh.db.notification.count({ where: { recipientId: ids.leo_builds, type: "mention" } })).toBe(0);
  });

  it("study events: a join, a leave and a promotion reach the leader's and the promoted person's tabs", async () => {
    const b = notificationStream(t.p2.url, cookies.jiwoo!, {}, t.openSockets);
    const c = notificationStream(t.p2.url, cookies.sara_k!, {}, t.openSockets);
    await waitFor(() => b.started() && c.started(), "both subscribed");
    const study = await ok<{ id: number }>(
      api(t.p2, "jiwoo").mutate("study.create", {
        title: "Live study",
        description: "Seats",
        startsOn: "2099-01-01",
        endsOn: "2099-02-01",
        online: true,
        capacity: 2,
      }),
    );
    await ok(api(t.p1, "leo_builds").mutate("study.join", { id: study.id }));
    await ok(api(t.p1, "sara_k").mutate("study.joinWaitlist", { id: study.id }));
    await ok(api(t.p1, "leo_builds").mutate("study.leave", { id: study.id }));
    const types = (stream: typeof b) =>
      stream.changes().flatMap((e) => (e.notification.study?.id === study.id ? [e.notification.type] : []));
    await waitFor(() => types(b).length >= 2 && types(c).length >= 1, "the study's events");
    expect(types(b)).toEqual(["study_joined", "study_left"]);
    expect(types(c)).toEqual(["study_promoted"]);
  });

  it("a deleted comment takes its notification away from every tab of the recipient, with the count", async () => {
    const b = notificationStream(t.p2.url, cookies.jiwoo!, {}, t.openSockets);
    await waitFor(() => b.started(), "subscribed");
    const post = await ok<{ id: number }>(
      api(t.p2, "jiwoo").mutate("post.create", { title: "Soon gone", body: "x", imageIds: [] }),
    );
    const comment = await ok<{ id: number }>(
      api(t.p1, "leo_builds").mutate("comment.create", { postId: post.id, body: "Regret this" }),
    );
    await waitFor(() => b.changes().some((e) => e.notification.commentId === comment.id), "the comment");
    const notification = b.changes().find((e) => e.notification.commentId === comment.id)!;
    await ok(api(t.p1, "leo_builds").mutate("comment.delete", { id: comment.id }));
    await waitFor(() => b.events().some((e) => e.kind === "removed"), "the removal");
    const removed = b.events().find((e) => e.kind === "removed")!;
    expect(removed).toEqual({
      kind: "removed",
      ids: [notification.notification.id],
      unreadCount: notification.unreadCount - 1,
    });
    expect(removed.unreadCount).toBe(await ok<number>(api(t.p2, "jiwoo").query("notification.unreadCount")));
  });
});
