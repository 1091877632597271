import { router, publicProcedure, authedProcedure } from "../trpc.js";
import { ZMe } from "../auth/auth.schemas.js";
import { ZProfile, ZProfileInput, ZUpdateProfileInput } from "./user.schemas.js";

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
});
