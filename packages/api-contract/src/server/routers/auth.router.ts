import { AppError } from "../../errors.js";
import type { TContext } from "../context.js";
import { router, middleware, publicProcedure, authedProcedure } from "../trpc.js";
import { z } from "zod";
import { serverMessages } from "../../messages.js";
import {
  ZAuthOptions,
  ZChangePasswordInput,
  ZDeleteAccountInput,
  ZRequestPasswordResetInput,
  ZResetPasswordInput,
  ZUnlinkProviderInput,
  ZEndSessionInput,
  ZMe,
  ZSessionSummary,
  ZSignInInput,
  ZSignUpStarted,
  ZSignUpStartInput,
  ZSignUpVerifyInput,
  type TStartedSession,
} from "../../auth/auth.schemas.js";

function startSession(ctx: TContext, started: TStartedSession) {
  ctx.cookies!.setSession(started.token, started.expiresAt);
  if (started.deviceToken) ctx.cookies!.setTrustedDevice(started.deviceToken);
  return started.me;
}

/** Signing in and out sets a cookie, which only an HTTP response can carry. */
const requireHttp = middleware(({ ctx, next }) => {
  if (!ctx.cookies) throw new AppError("VALIDATION", serverMessages.useHttp);
  return next();
});
const httpProcedure = publicProcedure.use(requireHttp);

export const authRouter = router({
  /** Who the session cookie belongs to, or null when signed out. */
  me: publicProcedure.output(ZMe.nullable()).query(({ ctx }) => (ctx.viewer ? ctx.services.auth.me(ctx.viewer) : null)),

  signUpStart: httpProcedure
    .input(ZSignUpStartInput)
    .output(ZSignUpStarted)
    .mutation(async ({ ctx, input }) => {
      const { signUpToken, ...started } = await ctx.services.auth.signUpStart(input, ctx.device);
      ctx.cookies!.setSignUp(signUpToken, started.codeExpiresAt);
      return started;
    }),

  signUpVerify: httpProcedure
    .input(ZSignUpVerifyInput)
    .output(ZMe)
    .mutation(async ({ ctx, input }) => {
      const me = startSession(ctx, await ctx.services.auth.signUpVerify(input, ctx.device));
      ctx.cookies!.clearSignUp();
      return me;
    }),

  signIn: httpProcedure
    .input(ZSignInInput)
    .output(ZMe)
    .mutation(async ({ ctx, input }) => startSession(ctx, await ctx.services.auth.signIn(input, ctx.device))),

  signOut: authedProcedure.use(requireHttp).mutation(async ({ ctx }) => {
    await ctx.services.auth.signOut(ctx.viewer);
    ctx.cookies!.clearSession();
  }),

  sessions: authedProcedure
    .output(z.array(ZSessionSummary))
    .query(({ ctx }) => ctx.services.auth.listSessions(ctx.viewer)),

  endSession: authedProcedure
    .input(ZEndSessionInput)
    .mutation(({ ctx, input }) => ctx.services.auth.endSession(ctx.viewer, input)),

  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => ctx.services.auth.changePassword(ctx.viewer, input)),

  options: publicProcedure.output(ZAuthOptions).query(({ ctx }) => ctx.services.auth.options()),

  requestPasswordReset: publicProcedure
    .input(ZRequestPasswordResetInput)
    .mutation(({ ctx, input }) => ctx.services.auth.requestPasswordReset(input, ctx.device)),

  resetPassword: httpProcedure
    .input(ZResetPasswordInput)
    .output(ZMe)
    .mutation(async ({ ctx, input }) => startSession(ctx, await ctx.services.auth.resetPassword(input, ctx.device))),

  deleteAccount: authedProcedure
    .use(requireHttp)
    .input(ZDeleteAccountInput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.auth.deleteAccount(ctx.viewer, input);
      ctx.cookies!.clearSession();
    }),

  unlinkProvider: authedProcedure
    .input(ZUnlinkProviderInput)
    .mutation(({ ctx, input }) => ctx.services.auth.unlinkProvider(ctx.viewer, input)),
});
