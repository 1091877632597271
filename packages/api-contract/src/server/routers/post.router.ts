import { tracked } from "@trpc/server";
import { z } from "zod";
import { router, publicProcedure, authedProcedure } from "../trpc.js";
import { neverAborted, parseOnce } from "../live/shared-frames.js";
import {
  ZCreatePostInput,
  ZFeedInput,
  ZFeedPage,
  ZLikeState,
  ZOnPostCreatedInput,
  ZPostChange,
  ZPostDeleted,
  ZPostRef,
  ZPost,
  ZPostSummary,
  ZUpdatePostInput,
  type TPostSummary,
} from "../../posts/post.schemas.js";

const presentPost = (post: TPostSummary) => tracked(String(post.id), parseOnce(ZPostSummary, post));

export const postRouter = router({
  feed: publicProcedure
    .input(ZFeedInput)
    .output(ZFeedPage)
    .query(({ ctx, input }) => ctx.services.posts.feed(input, ctx.viewer)),

  recommended: publicProcedure
    .output(z.array(ZPostSummary))
    .query(({ ctx }) => ctx.services.posts.recommended(ctx.viewer)),

  byId: publicProcedure
    .input(ZPostRef)
    .output(ZPost)
    .query(({ ctx, input }) => ctx.services.posts.byId(input.id, ctx.viewer)),

  // A mutation, as queries have no side effects: the detail pane calls it once per opening.
  recordView: publicProcedure
    .input(ZPostRef)
    .output(z.number().int())
    .mutation(({ ctx, input }) => ctx.services.posts.recordView(input.id, ctx.viewer, ctx.device)),

  create: authedProcedure
    .input(ZCreatePostInput)
    .output(ZPost)
    .mutation(({ ctx, input }) => ctx.services.posts.create(ctx.viewer, input)),

  update: authedProcedure
    .input(ZUpdatePostInput)
    .output(ZPost)
    .mutation(({ ctx, input }) => ctx.services.posts.update(ctx.viewer, input)),

  delete: authedProcedure.input(ZPostRef).mutation(({ ctx, input }) => ctx.services.posts.delete(ctx.viewer, input.id)),

  like: authedProcedure
    .input(ZPostRef)
    .output(ZLikeState)
    .mutation(({ ctx, input }) => ctx.services.posts.like(ctx.viewer, input.id)),

  unlike: authedProcedure
    .input(ZPostRef)
    .output(ZLikeState)
    .mutation(({ ctx, input }) => ctx.services.posts.unlike(ctx.viewer, input.id)),

  onCreated: publicProcedure.input(ZOnPostCreatedInput).subscription(({ ctx, input, signal }) => {
    const afterId = input.lastEventId ? Number(input.lastEventId) : null;
    // Subscriptions have no .output(): validate each item so nothing private leaks —
    // once per event, however many subscribers share it.
    return ctx.services.posts.streamCreated(afterId, signal ?? new AbortController().signal).map(presentPost);
  }),

  /** Posts deleted from now on: open lists drop them. */
  onDeleted: publicProcedure.subscription(({ ctx, signal }) =>
    ctx.services.posts.streamDeleted(signal ?? neverAborted()).map((item) => parseOnce(ZPostDeleted, item)),
  ),

  /**
   * An open post, live: its like, comment and view counts as they move, a hint to
   * refetch its comments when they changed, and its deletion. Nothing to resume: the
   * client refetches the post when the subscription (re)starts.
   */
  onChange: publicProcedure.input(ZPostRef).subscription(async ({ ctx, input, signal }) => {
    const feed = await ctx.services.posts.streamChanges(input.id, signal ?? neverAborted());
    return feed.map((item) => parseOnce(ZPostChange, item));
  }),
});
