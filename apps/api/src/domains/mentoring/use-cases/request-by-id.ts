import type { TMentorRequest, TRequestRef, TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { shapeRequest } from "../mentoring-rows.js";
import { requestOf } from "../mentoring-access.js";

/** One of my requests (as mentor or learner); NOT_FOUND for anyone else. */
export async function requestById(deps: MentoringDeps, viewer: TViewer, { id }: TRequestRef): Promise<TMentorRequest> {
  return shapeRequest(await requestOf(deps, viewer, id), viewer.userId);
}
