import { AppError, serverMessages as m, type TStudyStatus, type TViewer } from "@orgo/api-contract";
import type { StudyDeps, Tx } from "./study-deps.js";
import { pastDeadlineSql, statusSql } from "./study-status.js";

export interface LockedStudy {
  id: number;
  leaderId: string | null;
  capacity: number;
  memberCount: number;
  requiresApproval: boolean;
  recruitingClosedAt: Date | null;
  pastDeadline: boolean;
  status: TStudyStatus;
}

/** Locks the study row: joins, leaves and promotions of one study run one at a time. */
export async function lockStudy({ now }: Pick<StudyDeps, "now">, tx: Tx, id: number): Promise<LockedStudy> {
  const at = now();
  const [row] = await tx.$queryRaw<(Omit<LockedStudy, "status"> & { status: string })[]>`
    select s.id, s."leaderId", s.capacity, s."memberCount", s."requiresApproval", s."recruitingClosedAt",
           ${pastDeadlineSql(at)} as "pastDeadline",
           ${statusSql(at)} as status
    from "Study" s where s.id = ${id} and s."deletedAt" is null for update`;
  if (!row) throw new AppError("NOT_FOUND", m.noSuchStudy);
  return { ...row, status: row.status as TStudyStatus };
}

export function requireLeader(study: LockedStudy, viewer: TViewer) {
  if (study.leaderId !== viewer.userId) throw new AppError("FORBIDDEN", m.notYourStudy);
}

/** Joining needs someone not already a member, in line or asking. */
export async function requireOutside(tx: Tx, study: LockedStudy, viewer: TViewer) {
  const [member, waiting, asked] = await Promise.all([
    tx.studyMember.count({ where: { studyId: study.id, userId: viewer.userId } }),
    tx.studyWaitlistEntry.count({ where: { studyId: study.id, userId: viewer.userId } }),
    tx.studyRequest.count({ where: { studyId: study.id, userId: viewer.userId } }),
  ]);
  if (member + waiting + asked > 0) throw new AppError("CONFLICT", m.alreadyInStudy);
}

/** Closed only because every seat is taken: such a study has a line to stand in. */
export function isOnlyFull(
  study: Pick<LockedStudy, "status" | "memberCount" | "capacity" | "recruitingClosedAt" | "pastDeadline">,
) {
  return (
    study.status === "closed" && study.memberCount >= study.capacity && !study.recruitingClosedAt && !study.pastDeadline
  );
}

/** Why a study that does not recruit refuses a join. */
export function joinRefusal(study: LockedStudy) {
  return isOnlyFull(study) ? new AppError("CONFLICT", m.studyFull) : new AppError("VALIDATION", m.notRecruiting);
}
