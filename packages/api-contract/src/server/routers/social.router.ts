import { z } from "zod";
import { router, publicProcedure, authedProcedure } from "../trpc.js";
import { ZPublicUser } from "../../users/user.schemas.js";
import { ZFollowState, ZPeopleInput, ZPeoplePage, ZUserRef } from "../../social/social.schemas.js";

export const socialRouter = router({
  follow: authedProcedure
    .input(ZUserRef)
    .output(ZFollowState)
    .mutation(({ ctx, input }) => ctx.services.social.follow(ctx.viewer, input.userId)),
  unfollow: authedProcedure
    .input(ZUserRef)
    .output(ZFollowState)
    .mutation(({ ctx, input }) => ctx.services.social.unfollow(ctx.viewer, input.userId)),
  followers: publicProcedure
    .input(ZPeopleInput)
    .output(ZPeoplePage)
    .query(({ ctx, input }) => ctx.services.social.followers(input, ctx.viewer)),
  following: publicProcedure
    .input(ZPeopleInput)
    .output(ZPeoplePage)
    .query(({ ctx, input }) => ctx.services.social.following(input, ctx.viewer)),
  block: authedProcedure
    .input(ZUserRef)
    .mutation(({ ctx, input }) => ctx.services.social.block(ctx.viewer, input.userId)),
  unblock: authedProcedure
    .input(ZUserRef)
    .mutation(({ ctx, input }) => ctx.services.social.unblock(ctx.viewer, input.userId)),
  blocked: authedProcedure.output(z.array(ZPublicUser)).query(({ ctx }) => ctx.services.social.blocked(ctx.viewer)),
});
