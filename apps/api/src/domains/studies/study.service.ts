import type { TStudy, TViewer } from "@orgo/api-contract";
import type { StudyService } from "@orgo/api-contract/server";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import { bindUseCases } from "../../platform/use-cases.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import type { ContentGuard } from "../safety/content-guard.js";
import type { StudyDeps } from "./study-deps.js";
import { loadStudies } from "./study-rows.js";
import { listStudies } from "./use-cases/list-studies.js";
import { studyById } from "./use-cases/study-by-id.js";
import { popularTags } from "./use-cases/popular-tags.js";
import { studyCalendar } from "./use-cases/study-calendar.js";
import { streamChanges } from "./use-cases/stream-changes.js";
import { createStudy } from "./use-cases/create-study.js";
import { updateStudy } from "./use-cases/update-study.js";
import { deleteStudy } from "./use-cases/delete-study.js";
import { joinStudy } from "./use-cases/join-study.js";
import { joinWaitlist } from "./use-cases/join-waitlist.js";
import { leaveStudy } from "./use-cases/leave-study.js";
import { acceptRequest } from "./use-cases/accept-request.js";
import { declineRequest } from "./use-cases/decline-request.js";
import { removeMember } from "./use-cases/remove-member.js";
import { closeRecruiting } from "./use-cases/close-recruiting.js";

/**
 * Study groups (docs/studies.md), each use case a file of its own in use-cases/;
 * `byIds` is for search, which shows studies as the viewer sees them.
 */
export function createStudyService(deps: {
  db: Db;
  bus: EventBus;
  limiter: RateLimiter;
  guard: ContentGuard;
  publicOrigin: () => string;
  now?: () => Date;
}): StudyService & { byIds(ids: number[], viewer: TViewer | null): Promise<TStudy[]> } {
  const studies: StudyDeps = { ...deps, now: deps.now ?? (() => new Date()) };
  return bindUseCases(studies, {
    byIds: loadStudies,
    list: listStudies,
    byId: studyById,
    popularTags,
    calendar: studyCalendar,
    streamChanges,
    create: createStudy,
    update: updateStudy,
    delete: deleteStudy,
    join: joinStudy,
    joinWaitlist,
    leave: leaveStudy,
    accept: acceptRequest,
    decline: declineRequest,
    removeMember,
    closeRecruiting,
  });
}
