import { z } from "zod";
import { router, publicProcedure, authedProcedure } from "../trpc.js";
import { neverAborted, parseOnce } from "../live/shared-frames.js";
import {
  ZCreateStudyInput,
  ZJoinOutcome,
  ZOnStudiesInput,
  ZStudySignal,
  ZStudy,
  ZStudyDetail,
  ZStudyListInput,
  ZStudyMemberRef,
  ZStudyPage,
  ZStudyRef,
  ZTagCount,
  ZUpdateStudyInput,
} from "../../studies/study.schemas.js";
import { ZMeetingCalendar } from "../../mentoring/mentoring.schemas.js";

export const studyRouter = router({
  list: publicProcedure
    .input(ZStudyListInput)
    .output(ZStudyPage)
    .query(({ ctx, input }) => ctx.services.studies.list(input, ctx.viewer)),
  byId: publicProcedure
    .input(ZStudyRef)
    .output(ZStudyDetail)
    .query(({ ctx, input }) => ctx.services.studies.byId(input, ctx.viewer)),
  /** Its sessions as an iCalendar file (each one an event in UTC, so a time-zone change is right), for anyone who can see it. */
  calendar: publicProcedure
    .input(ZStudyRef)
    .output(ZMeetingCalendar)
    .query(({ ctx, input }) => ctx.services.studies.calendar(input, ctx.viewer)),
  popularTags: publicProcedure.output(z.array(ZTagCount)).query(({ ctx }) => ctx.services.studies.popularTags()),
  create: authedProcedure
    .input(ZCreateStudyInput)
    .output(ZStudy)
    .mutation(({ ctx, input }) => ctx.services.studies.create(ctx.viewer, input)),
  update: authedProcedure
    .input(ZUpdateStudyInput)
    .output(ZStudy)
    .mutation(({ ctx, input }) => ctx.services.studies.update(ctx.viewer, input)),
  delete: authedProcedure.input(ZStudyRef).mutation(({ ctx, input }) => ctx.services.studies.delete(ctx.viewer, input)),
  join: authedProcedure
    .input(ZStudyRef)
    .output(ZJoinOutcome)
    .mutation(({ ctx, input }) => ctx.services.studies.join(ctx.viewer, input)),
  joinWaitlist: authedProcedure
    .input(ZStudyRef)
    .output(ZJoinOutcome)
    .mutation(({ ctx, input }) => ctx.services.studies.joinWaitlist(ctx.viewer, input)),
  leave: authedProcedure
    .input(ZStudyRef)
    .output(ZStudy)
    .mutation(({ ctx, input }) => ctx.services.studies.leave(ctx.viewer, input)),
  accept: authedProcedure
    .input(ZStudyMemberRef)
    .output(ZStudy)
    .mutation(({ ctx, input }) => ctx.services.studies.accept(ctx.viewer, input)),
  decline: authedProcedure
    .input(ZStudyMemberRef)
    .output(ZStudy)
    .mutation(({ ctx, input }) => ctx.services.studies.decline(ctx.viewer, input)),
  removeMember: authedProcedure
    .input(ZStudyMemberRef)
    .output(ZStudy)
    .mutation(({ ctx, input }) => ctx.services.studies.removeMember(ctx.viewer, input)),
  closeRecruiting: authedProcedure
    .input(ZStudyRef)
    .output(ZStudy)
    .mutation(({ ctx, input }) => ctx.services.studies.closeRecruiting(ctx.viewer, input)),

  /**
   * Studies, live: a signal for each change to seats, status, members, waitlist or
   * requests (every study's, or only `id`'s). The client refetches what it shows, so
   * each viewer sees their own seat and position; it refetches on (re)start too.
   */
  onChange: publicProcedure.input(ZOnStudiesInput).subscription(async ({ ctx, input, signal }) => {
    const feed = await ctx.services.studies.streamChanges({ id: input?.id ?? null }, signal ?? neverAborted());
    return feed.map((item) => parseOnce(ZStudySignal, item));
  }),
});
