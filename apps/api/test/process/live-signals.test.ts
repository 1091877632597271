import { describe, expect, it } from "vitest";
import type { TPostChange, TPostDeleted, TProfileSignal, TStudySignal } from "@orgo/api-contract";
import { subscribeRaw } from "../helpers/live-subscription.js";
import { redisUrlForTests } from "../helpers/redis.js";
import { twoSeededProcesses } from "../helpers/two-processes.js";
import { waitFor } from "../helpers/wait.js";

const redisUrl = await redisUrlForTests();
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

/**
 * The open post, the feed, studies and profiles, live across two API processes: B's
 * tab on process 2 hears what A does on process 1, as soon as it is committed.
 */
describe.skipIf(!redisUrl)("live posts, studies and profiles across two API processes", () => {
  const t = twoSeededProcesses(redisUrl!);
  const { cookies, ids, api, ok } = t;
  const watch = <E>(handle: string | null, path: string, input: unknown) =>
    subscribeRaw<E>(t.p2.url, handle ? cookies[handle]! : null, path, input, t.openSockets);

  it("an open post hears its counts and comment changes, then its deletion; open lists drop it", async () => {
    const post = await ok<{ id: number }>(
      api(t.p1, "jiwoo").mutate("post.create", { title: "Live post", body: "Read me", imageIds: [] }),
    );
    const other = await ok<{ id: number }>(
      api(t.p1, "jiwoo").mutate("post.create", { title: "Another", body: "Elsewhere", imageIds: [] }),
    );
    // A reader who is not signed in may watch a post too: it is public.
    const open = watch<TPostChange>(null, "post.onChange", { id: post.id });
    const list = watch<TPostDeleted>("sara_k", "post.onDeleted", undefined);
    await waitFor(() => open.started() && list.started(), "both subscribed");
    const last = () => open.events().at(-1);
    const counts = () => {
      const event = last();
      return event?.kind === "counts" ? event : null;
    };

    await ok(api(t.p1, "leo_builds").mutate("post.like", { id: post.id }));
    await waitFor(() => counts()?.likeCount === 1, "the like");
    expect(last()).toMatchObject({ postId: post.id, comments: false, commentCount: 0 });

    const comment = await ok<{ id: number }>(
      api(t.p1, "leo_builds").mutate("comment.create", { postId: post.id, body: "First!" }),
    );
    await waitFor(() => counts()?.commentCount === 1, "the comment");
    expect(last()).toMatchObject({ comments: true, likeCount: 1 });

    await ok(api(t.p1, "sara_k").mutate("comment.create", { postId: post.id, parentId: comment.id, body: "Reply" }));
    await waitFor(() => counts()?.commentCount === 2, "the reply");

    const before = open.received.length;
    await ok(api(t.p1, "leo_builds").mutate("comment.update", { id: comment.id, body: "First, edited" }));
    await waitFor(() => open.received.length > before, "the edit");
    expect(last()).toMatchObject({ kind: "counts", comments: true, commentCount: 2 });

    await ok(api(t.p1, "leo_builds").mutate("comment.delete", { id: comment.id }));
    await waitFor(() => counts()?.commentCount === 1, "the deletion of a comment");

    await ok(api(t.p1, "sara_k").mutate("post.recordView", { id: post.id }));
    await waitFor(() => counts()?.viewCount === 1, "the view");
    // A second view by the same person counts nothing, so it says nothing.
    const afterView = open.received.length;
    await ok(api(t.p1, "sara_k").mutate("post.recordView", { id: post.id }));
    await ok(api(t.p1, "leo_builds").mutate("post.unlike", { id: post.id }));
    await waitFor(() => counts()?.likeCount === 0, "the unlike");
    expect(open.received.length).toBe(afterView + 1);

    // Another post's changes never reach this one's viewers.
    await ok(api(t.p1, "leo_builds").mutate("post.like", { id: other.id }));
    await settle();
    expect(open.events().every((e) => e.postId === post.id)).toBe(true);

    await ok(api(t.p1, "jiwoo").mutate("post.delete", { id: post.id }));
    await waitFor(() => last()?.kind === "deleted", "the post's deletion, in the open post");
    await waitFor(() => list.events().some((e) => e.postId === post.id), "the post's deletion, in open lists");
    expect(list.events()).toEqual([{ postId: post.id }]);
  });

  it("refuses to watch a post, a study or a person that does not exist, with NOT_FOUND", async () => {
    const post = watch("jiwoo", "post.onChange", { id: 999_999 });
    const study = watch("jiwoo", "study.onChange", { id: 999_999 });
    const person = watch("jiwoo", "user.onChange", { userId: "00000000-0000-4000-8000-000000000000" });
    const malformed = watch("jiwoo", "post.onChange", { id: "one" });
    await waitFor(() => [post, study, person, malformed].every((s) => s.error() !== null), "four refusals");
    for (const refused of [post, study, person]) expect(refused.error()).toContain("NOT_FOUND");
    expect(malformed.error()).toContain("BAD_REQUEST");
  });

  it("studies: seats, members, waitlist and requests move on the list and on the study's page", async () => {
    const create = (title: string, capacity: number, requiresApproval = false) =>
      ok<{ id: number }>(
        api(t.p1, "jiwoo").mutate("study.create", {
          title,
          description: "Live seats",
          startsOn: "2099-01-01",
          endsOn: "2099-02-01",
          online: true,
          capacity,
          requiresApproval,
        }),
      );
    const small = await create("Live seats", 2);
    const other = await create("Other study", 5, true);
    const list = watch<TStudySignal>(null, "study.onChange", {});
    const page = watch<TStudySignal>("sara_k", "study.onChange", { id: small.id });
    await waitFor(() => list.started() && page.started(), "both subscribed");

    await ok(api(t.p1, "leo_builds").mutate("study.join", { id: small.id }));
    await waitFor(() => page.events().length >= 1, "the join, on the page");
    await ok(api(t.p1, "sara_k").mutate("study.joinWaitlist", { id: small.id }));
    await ok(api(t.p1, "leo_builds").mutate("study.leave", { id: small.id }));
    // Sara was promoted by Leo's leaving: her page refetches and shows her seat.
    await waitFor(() => page.events().length >= 2, "the waitlist and the promotion");
    const detail = await ok<{ memberCount: number; me: { role: string } }>(
      api(t.p2, "sara_k").query("study.byId", { id: small.id }),
    );
    expect(detail.memberCount).toBe(2);
    expect(page.events().every((e) => e.studyId === small.id && !e.deleted)).toBe(true);

    // A request to another study reaches the list, never the first study's page. (The
    // leave and the promotion may arrive as one signal or two: let them all land first.)
    await settle();
    const seen = page.received.length;
    await ok(api(t.p1, "leo_builds").mutate("study.join", { id: other.id }));
    await waitFor(() => list.events().some((e) => e.studyId === other.id), "the request, on the list");
    await settle();
    expect(page.received.length).toBe(seen);

    await ok(api(t.p1, "jiwoo").mutate("study.delete", { id: small.id }));
    await waitFor(() => page.events().some((e) => e.deleted), "the deletion");
    expect(list.events().at(-1)).toEqual({ studyId: small.id, deleted: true });
  });

  it("profiles: a follow moves both people's counts and the followee's 'follows you'", async () => {
    const jiwoo = watch<TProfileSignal>("sara_k", "user.onChange", { userId: ids.jiwoo });
    const leo = watch<TProfileSignal>("jiwoo", "user.onChange", { userId: ids.leo_builds });
    await waitFor(() => jiwoo.started() && leo.started(), "both subscribed");
    await ok(api(t.p1, "leo_builds").mutate("social.unfollow", { userId: ids.jiwoo }));
    await ok(api(t.p1, "leo_builds").mutate("social.follow", { userId: ids.jiwoo }));
    await waitFor(() => jiwoo.events().length >= 1 && leo.events().length >= 1, "both profiles");
    expect(jiwoo.events().every((e) => e.userId === ids.jiwoo)).toBe(true);
    expect(leo.events().every((e) => e.userId === ids.leo_builds)).toBe(true);
    const profile = await ok<{ followsMe: boolean }>(
      api(t.p2, "jiwoo").query("user.profile", { handle: "leo_builds" }),
    );
    expect(profile.followsMe).toBe(true);
    // Renaming oneself is a profile change too.
    const renamed = jiwoo.received.length;
    await ok(
      api(t.p1, "jiwoo").mutate("user.updateProfile", { handle: "jiwoo", displayName: "Jiwoo (live)", bio: "" }),
    );
    await waitFor(() => jiwoo.received.length > renamed, "the rename");
  });
});
