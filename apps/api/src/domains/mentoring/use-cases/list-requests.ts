import type { TMentorRequest, TRequestListInput, TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { requestSelect, shapeRequest, WAITING } from "../mentoring-rows.js";

/** My requests, to me (incoming) or from me, waiting or answered; newest first, the last 100. */
export async function listRequests(
  { db }: MentoringDeps,
  viewer: TViewer,
  input: TRequestListInput,
): Promise<TMentorRequest[]> {
  const rows = await db.mentorRequest.findMany({
    where: {
      ...(input.box === "incoming" ? { mentorId: viewer.userId } : { learnerId: viewer.userId }),
      status: input.state === "waiting" ? { in: WAITING } : { notIn: WAITING },
    },
    orderBy: { id: "desc" },
    take: 100,
    select: requestSelect,
  });
  return rows.map((row) => shapeRequest(row, viewer.userId));
}
