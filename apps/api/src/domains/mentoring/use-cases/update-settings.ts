import {
  AppError,
  serverMessages as m,
  type TMentorSettings,
  type TMentorSettingsInput,
  type TViewer,
} from "@orgo/api-contract";
import { isForeignKeyViolation, type Prisma } from "@orgo/db";
import type { MentoringDeps } from "../mentoring-deps.js";
import { toMentorSettings } from "../mentor-settings.js";

/** Offers (or changes) my mentoring; a time zone the database cannot compute in is a field error. */
export async function updateSettings(
  { db, now }: MentoringDeps,
  viewer: TViewer,
  input: TMentorSettingsInput,
): Promise<TMentorSettings> {
  const data = { ...input, slots: input.slots as Prisma.InputJsonValue, updatedAt: now() };
  try {
    const row = await db.mentorProfile.upsert({
      where: { userId: viewer.userId },
      create: { userId: viewer.userId, ...data },
      update: data,
    });
    return toMentorSettings(row);
  } catch (error) {
    if (isForeignKeyViolation(error, "MentorProfile_timeZone_known")) {
      throw new AppError("VALIDATION", m.invalidTimeZone, { fieldErrors: { timeZone: [m.invalidTimeZone] } });
    }
    throw error;
  }
}
