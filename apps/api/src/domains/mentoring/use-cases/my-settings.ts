import type { TMentorSettings, TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { toMentorSettings } from "../mentor-settings.js";

/** My mentor profile as I edit it; null until I offer mentoring. */
export async function mySettings({ db }: MentoringDeps, viewer: TViewer): Promise<TMentorSettings | null> {
  const row = await db.mentorProfile.findUnique({ where: { userId: viewer.userId } });
  return row ? toMentorSettings(row) : null;
}
