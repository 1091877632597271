import { tracked } from "@trpc/server";
import { router, publicProcedure } from "../trpc.js";
import { ZCreatePostInput, ZFeedPage, ZLatestFeedInput, ZOnPostCreatedInput, ZPostSummary } from "./post.schemas.js";

export const postRouter = router({
  latest: publicProcedure
    .input(ZLatestFeedInput)
    .output(ZFeedPage)
    .query(({ ctx, input }) => ctx.services.posts.latest(input)),

  // Until sign-in exists (identity issue) posts are written as the seeded demo user.
  createAsDemo: publicProcedure
    .input(ZCreatePostInput)
    .output(ZPostSummary)
    .mutation(({ ctx, input }) => ctx.services.posts.createAsDemoUser(input)),

  onCreated: publicProcedure.input(ZOnPostCreatedInput).subscription(async function* ({ ctx, input, signal }) {
    const afterId = input.lastEventId ? Number(input.lastEventId) : null;
    for await (const post of ctx.services.posts.streamCreated(afterId, signal ?? new AbortController().signal)) {
      // Subscriptions have no .output(): validate each item so nothing private leaks.
      yield tracked(String(post.id), ZPostSummary.parse(post));
    }
  }),
});
