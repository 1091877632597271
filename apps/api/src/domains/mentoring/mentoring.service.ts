import type { MentoringService } from "@orgo/api-contract/server";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { JobQueue } from "../../platform/jobs/job-queue.js";
import { bindUseCases } from "../../platform/use-cases.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import type { ContentGuard } from "../safety/content-guard.js";
import { createMentorDirectory } from "./mentor-directory.js";
import { mySettings } from "./use-cases/my-settings.js";
import { updateSettings } from "./use-cases/update-settings.js";
import { freeSlots, listMentors, mentorById, mentorTopics } from "./use-cases/directory.js";
import { sendRequest } from "./use-cases/send-request.js";
import { listRequests } from "./use-cases/list-requests.js";
import { requestById } from "./use-cases/request-by-id.js";
import { withdrawRequest } from "./use-cases/withdraw-request.js";
import { acceptRequest } from "./use-cases/accept-request.js";
import { proposeTime } from "./use-cases/propose-time.js";
import { confirmTime } from "./use-cases/confirm-time.js";
import { declineRequest } from "./use-cases/decline-request.js";
import { listMeetings } from "./use-cases/list-meetings.js";
import { meetingById } from "./use-cases/meeting-by-id.js";
import { proposeReschedule } from "./use-cases/propose-reschedule.js";
import { answerReschedule } from "./use-cases/answer-reschedule.js";
import { cancelMeeting } from "./use-cases/cancel-meeting.js";
import { setPlace } from "./use-cases/set-place.js";
import { rateMeeting } from "./use-cases/rate-meeting.js";
import { meetingCalendar } from "./use-cases/meeting-calendar.js";
import { overview } from "./use-cases/overview.js";

/**
 * Mentoring's rules (docs/mentoring.md): who may request whom, one open request per
 * pair and five per learner, acceptance within the mentor's capacity even when two
 * race (the mentor's profile row is locked), the one-to-one room that acceptance
 * opens without a follow, meetings that move only when the other side agrees, and a
 * rating once, after the meeting. Every change notifies the other side after commit.
 * Each use case is a file of its own in use-cases/.
 */
export function createMentoringService(deps: {
  db: Db;
  bus: EventBus;
  jobs: JobQueue;
  limiter: RateLimiter;
  guard: ContentGuard;
  publicOrigin: () => string;
  now?: () => Date;
}): MentoringService {
  const now = deps.now ?? (() => new Date());
  const mentoring = { ...deps, now, directory: createMentorDirectory({ db: deps.db, now }) };
  return bindUseCases(mentoring, {
    mySettings,
    updateSettings,
    list: listMentors,
    byId: mentorById,
    topics: mentorTopics,
    freeSlots,
    sendRequest,
    requests: listRequests,
    requestById,
    withdrawRequest,
    acceptRequest,
    proposeTime,
    confirmTime,
    declineRequest,
    meetings: listMeetings,
    meetingById,
    proposeReschedule,
    answerReschedule,
    cancelMeeting,
    setPlace,
    rateMeeting,
    meetingCalendar,
    overview,
  });
}
