import { z } from "zod";
import { router, publicProcedure, authedProcedure } from "../trpc.js";
import {
  ZAnswerRequestInput,
  ZAnswerRescheduleInput,
  ZCancelMeetingInput,
  ZDeclineRequestInput,
  ZFreeSlots,
  ZFreeSlotsInput,
  ZMeeting,
  ZMeetingCalendar,
  ZMeetingListInput,
  ZMeetingRef,
  ZMentorDetail,
  ZMentorListInput,
  ZMentorPage,
  ZMentorRef,
  ZMentorRequest,
  ZMentorSettings,
  ZMentorSettingsInput,
  ZMentoringOverview,
  ZRateMeetingInput,
  ZRequestListInput,
  ZRequestRef,
  ZRescheduleInput,
  ZSendRequestInput,
  ZSetPlaceInput,
} from "../../mentoring/mentoring.schemas.js";

/**
 * Mentoring: mentors offer topics and weekly free times; learners request a meeting
 * at up to three of those times; an accepted request opens a one-to-one room and a
 * meeting with reminders; afterwards the learner rates it. Requests and meetings are
 * seen by their two people only (NOT_FOUND for anyone else).
 */
export const mentoringRouter = router({
  mySettings: authedProcedure
    .output(ZMentorSettings.nullable())
    .query(({ ctx }) => ctx.services.mentoring.mySettings(ctx.viewer)),
  updateSettings: authedProcedure
    .input(ZMentorSettingsInput)
    .output(ZMentorSettings)
    .mutation(({ ctx, input }) => ctx.services.mentoring.updateSettings(ctx.viewer, input)),

  list: publicProcedure
    .input(ZMentorListInput)
    .output(ZMentorPage)
    .query(({ ctx, input }) => ctx.services.mentoring.list(input, ctx.viewer)),
  byId: publicProcedure
    .input(ZMentorRef)
    .output(ZMentorDetail)
    .query(({ ctx, input }) => ctx.services.mentoring.byId(input, ctx.viewer)),
  topics: publicProcedure
    .output(z.array(z.object({ tag: z.string(), count: z.number().int() })))
    .query(({ ctx }) => ctx.services.mentoring.topics()),
  freeSlots: publicProcedure
    .input(ZFreeSlotsInput)
    .output(ZFreeSlots)
    .query(({ ctx, input }) => ctx.services.mentoring.freeSlots(input, ctx.viewer)),

  sendRequest: authedProcedure
    .input(ZSendRequestInput)
    .output(ZMentorRequest)
    .mutation(({ ctx, input }) => ctx.services.mentoring.sendRequest(ctx.viewer, input)),
  requests: authedProcedure
    .input(ZRequestListInput)
    .output(z.array(ZMentorRequest))
    .query(({ ctx, input }) => ctx.services.mentoring.requests(ctx.viewer, input)),
  requestById: authedProcedure
    .input(ZRequestRef)
    .output(ZMentorRequest)
    .query(({ ctx, input }) => ctx.services.mentoring.requestById(ctx.viewer, input)),
  withdrawRequest: authedProcedure
    .input(ZRequestRef)
    .output(ZMentorRequest)
    .mutation(({ ctx, input }) => ctx.services.mentoring.withdrawRequest(ctx.viewer, input)),
  acceptRequest: authedProcedure
    .input(ZAnswerRequestInput)
    .output(ZMeeting)
    .mutation(({ ctx, input }) => ctx.services.mentoring.acceptRequest(ctx.viewer, input)),
  proposeTime: authedProcedure
    .input(ZAnswerRequestInput)
    .output(ZMentorRequest)
    .mutation(({ ctx, input }) => ctx.services.mentoring.proposeTime(ctx.viewer, input)),
  confirmTime: authedProcedure
    .input(ZRequestRef)
    .output(ZMeeting)
    .mutation(({ ctx, input }) => ctx.services.mentoring.confirmTime(ctx.viewer, input)),
  declineRequest: authedProcedure
    .input(ZDeclineRequestInput)
    .output(ZMentorRequest)
    .mutation(({ ctx, input }) => ctx.services.mentoring.declineRequest(ctx.viewer, input)),

  meetings: authedProcedure
    .input(ZMeetingListInput)
    .output(z.array(ZMeeting))
    .query(({ ctx, input }) => ctx.services.mentoring.meetings(ctx.viewer, input)),
  meetingById: authedProcedure
    .input(ZMeetingRef)
    .output(ZMeeting)
    .query(({ ctx, input }) => ctx.services.mentoring.meetingById(ctx.viewer, input)),
  proposeReschedule: authedProcedure
    .input(ZRescheduleInput)
    .output(ZMeeting)
    .mutation(({ ctx, input }) => ctx.services.mentoring.proposeReschedule(ctx.viewer, input)),
  answerReschedule: authedProcedure
    .input(ZAnswerRescheduleInput)
    .output(ZMeeting)
    .mutation(({ ctx, input }) => ctx.services.mentoring.answerReschedule(ctx.viewer, input)),
  cancelMeeting: authedProcedure
    .input(ZCancelMeetingInput)
    .output(ZMeeting)
    .mutation(({ ctx, input }) => ctx.services.mentoring.cancelMeeting(ctx.viewer, input)),
  setPlace: authedProcedure
    .input(ZSetPlaceInput)
    .output(ZMeeting)
    .mutation(({ ctx, input }) => ctx.services.mentoring.setPlace(ctx.viewer, input)),
  rateMeeting: authedProcedure
    .input(ZRateMeetingInput)
    .output(ZMeeting)
    .mutation(({ ctx, input }) => ctx.services.mentoring.rateMeeting(ctx.viewer, input)),
  meetingCalendar: authedProcedure
    .input(ZMeetingRef)
    .output(ZMeetingCalendar)
    .query(({ ctx, input }) => ctx.services.mentoring.meetingCalendar(ctx.viewer, input)),

  overview: authedProcedure.output(ZMentoringOverview).query(({ ctx }) => ctx.services.mentoring.overview(ctx.viewer)),
});
