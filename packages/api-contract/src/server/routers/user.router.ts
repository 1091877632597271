import { router, publicProcedure, authedProcedure } from "../trpc.js";
import { ZMe } from "../../auth/auth.schemas.js";
import { z } from "zod";
import {
  ZProfile,
  ZProfileInput,
  ZProfileSignal,
  ZPublicUser,
  ZRecommendedPerson,
  ZSuggestPeopleInput,
  ZUpdateProfileInput,
} from "../../users/user.schemas.js";
import { ZUserRef } from "../../social/social.schemas.js";
import { neverAborted, parseOnce } from "../live/shared-frames.js";

export const userRouter = router({
  profile: publicProcedure
    .input(ZProfileInput)
    .output(ZProfile)
    .query(({ ctx, input }) => ctx.services.users.profile(input.handle, ctx.viewer)),

  updateProfile: authedProcedure
    .input(ZUpdateProfileInput)
    .output(ZMe)
    .mutation(({ ctx, input }) => ctx.services.users.updateProfile(ctx.viewer, input)),

  removeAvatar: authedProcedure.output(ZMe).mutation(({ ctx }) => ctx.services.users.removeAvatar(ctx.viewer)),

  /** A profile, live: a signal when its counts, "follows you" or public details change (refetch it). */
  onChange: publicProcedure.input(ZUserRef).subscription(async ({ ctx, input, signal }) => {
    const feed = await ctx.services.users.streamProfile(input.userId, signal ?? neverAborted());
    return feed.map((item) => parseOnce(ZProfileSignal, item));
  }),

  /**
   * People to mention: handle or name starting with `q`, people I follow first, never
   * myself or anyone on either side of a block; at most 8. For the composers' "@" list.
   */
  suggest: authedProcedure
    .input(ZSuggestPeopleInput)
    .output(z.array(ZPublicUser))
    .query(({ ctx, input }) => ctx.services.users.suggest(ctx.viewer, input.q)),
  /**
   * People to follow, for a newcomer's first steps: those most followed and most
   * writing, never myself, anyone I follow already, or anyone on either side of a
   * block; at most 8.
   */
  recommended: authedProcedure
    .output(z.array(ZRecommendedPerson))
    .query(({ ctx }) => ctx.services.users.recommended(ctx.viewer)),
});
