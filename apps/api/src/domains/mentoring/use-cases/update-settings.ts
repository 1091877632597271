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
  { db, now, guard }: MentoringDeps,
  viewer: TViewer,
  input: TMentorSettingsInput,
): Promise<TMentorSettings> {
  const { held } = await guard.screen(viewer, { texts: [input.pitch, ...input.topics] });
  const data = {
    ...input,
    slots: input.slots as Prisma.InputJsonValue,
    updatedAt: now(),
    // A watched word holds the profile for review: out of the directory until a moderator decides.
    ...(held ? { hiddenAt: now() } : {}),
  };
  try {
    const { row, caseId } = await db.$transaction(async (tx) => {
      const row = await tx.mentorProfile.upsert({
        where: { userId: viewer.userId },
        create: { userId: viewer.userId, ...data },
        update: data,
      });
      const caseId = held ? await guard.fileHeld(tx, viewer, { kind: "mentor", userId: viewer.userId }, held) : null;
      return { row, caseId };
    });
    await guard.announce(caseId);
    return toMentorSettings(row);
  } catch (error) {
    if (isForeignKeyViolation(error, "MentorProfile_timeZone_known")) {
      throw new AppError("VALIDATION", m.invalidTimeZone, { fieldErrors: { timeZone: [m.invalidTimeZone] } });
    }
    throw error;
  }
}
