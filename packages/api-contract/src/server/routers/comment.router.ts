import { router, publicProcedure, authedProcedure } from "../trpc.js";
import {
  ZComment,
  ZCommentListInput,
  ZCommentPage,
  ZCommentRef,
  ZCreateCommentInput,
  ZUpdateCommentInput,
} from "../../comments/comment.schemas.js";
import { ZLikeState } from "../../posts/post.schemas.js";

export const commentRouter = router({
  list: publicProcedure
    .input(ZCommentListInput)
    .output(ZCommentPage)
    .query(({ ctx, input }) => ctx.services.comments.list(input, ctx.viewer)),
  create: authedProcedure
    .input(ZCreateCommentInput)
    .output(ZComment)
    .mutation(({ ctx, input }) => ctx.services.comments.create(ctx.viewer, input)),
  update: authedProcedure
    .input(ZUpdateCommentInput)
    .output(ZComment)
    .mutation(({ ctx, input }) => ctx.services.comments.update(ctx.viewer, input)),
  delete: authedProcedure
    .input(ZCommentRef)
    .mutation(({ ctx, input }) => ctx.services.comments.delete(ctx.viewer, input.id)),
  /** Any signed-in reader of the post; its author is told (grouped per day, like a post's likes). */
  like: authedProcedure
    .input(ZCommentRef)
    .output(ZLikeState)
    .mutation(({ ctx, input }) => ctx.services.comments.like(ctx.viewer, input.id)),
  unlike: authedProcedure
    .input(ZCommentRef)
    .output(ZLikeState)
    .mutation(({ ctx, input }) => ctx.services.comments.unlike(ctx.viewer, input.id)),
});
