import { router, publicProcedure, authedProcedure } from "../trpc.js";
import {
  ZComment,
  ZCommentListInput,
  ZCommentPage,
  ZCommentRef,
  ZCreateCommentInput,
  ZUpdateCommentInput,
} from "../../comments/comment.schemas.js";

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
});
