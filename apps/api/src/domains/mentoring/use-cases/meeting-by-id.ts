import type { TMeeting, TMeetingRef, TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { shapeMeeting } from "../mentoring-rows.js";
import { meetingOf } from "../mentoring-access.js";

/** One of my meetings; NOT_FOUND for anyone else. */
export async function meetingById(deps: MentoringDeps, viewer: TViewer, { id }: TMeetingRef): Promise<TMeeting> {
  return shapeMeeting(await meetingOf(deps, viewer, id), viewer.userId, deps.now());
}
