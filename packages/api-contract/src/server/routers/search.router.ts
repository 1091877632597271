import { z } from "zod";
import { router, publicProcedure } from "../trpc.js";
import {
  ZPersonHits,
  ZPostHits,
  ZSearchCounts,
  ZSearchInput,
  ZSearchTermInput,
  ZStudyHits,
  ZTrendingTerm,
} from "../../search/search.schemas.js";
import { ZMentorHits } from "../../mentoring/mentoring.schemas.js";

export const searchRouter = router({
  posts: publicProcedure
    .input(ZSearchInput)
    .output(ZPostHits)
    .query(({ ctx, input }) => ctx.services.search.posts(input, ctx.viewer)),
  people: publicProcedure
    .input(ZSearchInput)
    .output(ZPersonHits)
    .query(({ ctx, input }) => ctx.services.search.people(input)),
  studies: publicProcedure
    .input(ZSearchInput)
    .output(ZStudyHits)
    .query(({ ctx, input }) => ctx.services.search.studies(input, ctx.viewer)),
  /** Mentors who take requests, by name, handle, topic or pitch. */
  mentors: publicProcedure
    .input(ZSearchInput)
    .output(ZMentorHits)
    .query(({ ctx, input }) => ctx.services.search.mentors(input, ctx.viewer)),
  /** Matches per kind, for the tabs. */
  counts: publicProcedure
    .input(ZSearchTermInput)
    .output(ZSearchCounts)
    .query(({ ctx, input }) => ctx.services.search.counts(input.q, ctx.viewer)),
  /** The client calls this once per submitted search; it feeds "trending". */
  record: publicProcedure
    .input(ZSearchTermInput)
    .mutation(({ ctx, input }) => ctx.services.search.record(input.q, ctx.device)),
  trending: publicProcedure.output(z.array(ZTrendingTerm)).query(({ ctx }) => ctx.services.search.trending()),
});
