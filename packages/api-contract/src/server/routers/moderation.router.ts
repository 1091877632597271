import { z } from "zod";
import { router, authedProcedure, moderatorProcedure } from "../trpc.js";
import { neverAborted, parseOnce } from "../live/shared-frames.js";
import {
  ZAppealInput,
  ZCaseDetail,
  ZCaseRef,
  ZDecideAppealInput,
  ZDecideInput,
  ZDecisionRef,
  ZMyDecision,
  ZMyReport,
  ZMyReportsInput,
  ZMyReportsPage,
  ZQueueInput,
  ZQueuePage,
  ZQueueSignal,
  ZReportInput,
  ZRole,
  ZTrust,
  type TQueueSignal,
} from "../../moderation/moderation.schemas.js";

const presentSignal = (signal: TQueueSignal) => parseOnce(ZQueueSignal, signal);

/** Reports, the moderators' queue, decisions and appeals (docs/moderation.md). */
export const moderationRouter = router({
  /** Reports a post, comment, message, profile, study or mentor profile: one open report per person per target. */
  report: authedProcedure
    .input(ZReportInput)
    .output(ZMyReport)
    .mutation(({ ctx, input }) => ctx.services.moderation.report(ctx.viewer, input)),

  /** My reports and what became of them, newest first. */
  myReports: authedProcedure
    .input(ZMyReportsInput)
    .output(ZMyReportsPage)
    .query(({ ctx, input }) => ctx.services.moderation.myReports(ctx.viewer, input)),

  /** A decision about me or my content: what was decided on, why, and my one appeal. */
  myDecision: authedProcedure
    .input(ZDecisionRef)
    .output(ZMyDecision)
    .query(({ ctx, input }) => ctx.services.moderation.myDecision(ctx.viewer, input)),

  /** Appeals a decision about me or my content, once. */
  appeal: authedProcedure
    .input(ZAppealInput)
    .output(ZMyDecision)
    .mutation(({ ctx, input }) => ctx.services.moderation.appeal(ctx.viewer, input)),

  /** My role (what the client shows) and my account's trust level (what it may do yet). */
  me: authedProcedure
    .output(z.object({ role: ZRole, trust: ZTrust }))
    .query(({ ctx }) => ctx.services.moderation.standing(ctx.viewer)),

  /** Moderators: cases of reports grouped per target, and appeals, newest activity first. */
  queue: moderatorProcedure
    .input(ZQueueInput)
    .output(ZQueuePage)
    .query(({ ctx, input }) => ctx.services.moderation.queue(ctx.viewer, input)),

  /** Moderators: one case with every report's snapshot, the target now and its history. */
  case: moderatorProcedure
    .input(ZCaseRef)
    .output(ZCaseDetail)
    .query(({ ctx, input }) => ctx.services.moderation.caseById(ctx.viewer, input)),

  /** Moderators: take a case, so two moderators do not handle the same one. */
  claim: moderatorProcedure
    .input(ZCaseRef)
    .output(ZCaseDetail)
    .mutation(({ ctx, input }) => ctx.services.moderation.claim(ctx.viewer, input)),

  release: moderatorProcedure
    .input(ZCaseRef)
    .output(ZCaseDetail)
    .mutation(({ ctx, input }) => ctx.services.moderation.release(ctx.viewer, input)),

  /** Moderators: decide a case of reports, with a reason that is stored, told and audited. */
  decide: moderatorProcedure
    .input(ZDecideInput)
    .output(ZCaseDetail)
    .mutation(({ ctx, input }) => ctx.services.moderation.decide(ctx.viewer, input)),

  /** Moderators: grant or deny an appeal. */
  decideAppeal: moderatorProcedure
    .input(ZDecideAppealInput)
    .output(ZCaseDetail)
    .mutation(({ ctx, input }) => ctx.services.moderation.decideAppeal(ctx.viewer, input)),

  /** Moderators: "the queue changed" (refetch), live. */
  onQueue: moderatorProcedure.subscription(({ ctx, signal }) =>
    ctx.services.moderation.streamQueue(ctx.viewer, signal ?? neverAborted()).map(presentSignal),
  ),
});
