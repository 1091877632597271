import { AppError, serverMessages as m } from "@orgo/api-contract";
import { openCounts, type Tx } from "./mentoring-rows.js";

/** Locks the mentor's profile: acceptances of one mentor run one at a time, so capacity holds. */
export async function lockMentor(tx: Tx, mentorId: string) {
  const [row] = await tx.$queryRaw<{ capacity: number }[]>`
    select capacity from "MentorProfile" where "userId" = ${mentorId}::uuid for update`;
  if (!row) throw new AppError("NOT_FOUND", m.noSuchMentor);
  return row;
}

/** Under the mentor's lock: refuses when their open relationships already fill their capacity. */
export async function assertCapacity(tx: Tx, mentorId: string, at: Date) {
  const { capacity } = await lockMentor(tx, mentorId);
  if ((await openCounts(tx, [mentorId], at)).get(mentorId)! >= capacity) {
    throw new AppError("CONFLICT", m.mentorFull);
  }
}
