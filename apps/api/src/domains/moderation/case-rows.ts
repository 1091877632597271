import {
  AppError,
  serverMessages as m,
  type TCaseDetail,
  type TCaseSummary,
  type TReportReason,
  type TReportTargetKind,
  type TViewer,
} from "@orgo/api-contract";
import type { Db, Prisma } from "@orgo/db";
import { publicUserSelect } from "../users/public-user.js";
import { snapshotFromJson, targetLabel } from "../safety/report-cases.js";
import { isSuspended } from "../safety/suspension.js";
import { auditDecisionSelect, decisionOf } from "./audit.js";

export const caseSelect = {
  id: true,
  kind: true,
  targetKind: true,
  targetKey: true,
  ownerId: true,
  status: true,
  claimedById: true,
  claimedAt: true,
  reportCount: true,
  lastReportAt: true,
  reports: {
    orderBy: { id: "asc" },
    select: {
      id: true,
      reason: true,
      note: true,
      createdAt: true,
      snapshot: true,
      reporter: { select: publicUserSelect },
    },
  },
  // An appeal case has no reports: it is named by the decision appealed.
  appeal: { select: { decision: { select: { details: true } } } },
} as const;

export type CaseRow = Prisma.ModerationCaseGetPayload<{ select: typeof caseSelect }>;

/** A case's label: from its first report's snapshot, or the label its appealed decision recorded. */
function labelOf(row: CaseRow): string {
  const first = row.reports[0];
  if (first) return targetLabel(row.targetKind, snapshotFromJson(first.snapshot));
  const details = (row.appeal?.decision.details ?? {}) as { label?: unknown };
  return typeof details.label === "string" ? details.label : "";
}

/** Cases as the queue lists them: owners and claimers in one query each, whatever the page size. */
export async function shapeCases(db: Db, rows: CaseRow[]): Promise<TCaseSummary[]> {
  const people = [...new Set(rows.flatMap((r) => [r.ownerId, r.claimedById]).filter((id): id is string => !!id))];
  const users = people.length
    ? await db.user.findMany({ where: { id: { in: people } }, select: publicUserSelect })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((row) => {
    const reasons = new Map<TReportReason, number>();
    for (const report of row.reports) {
      const reason = report.reason as TReportReason;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    return {
      id: row.id,
      kind: row.kind === "appeal" ? "appeal" : "reports",
      target: { kind: row.targetKind as TReportTargetKind, key: row.targetKey, label: labelOf(row) },
      owner: row.ownerId ? (byId.get(row.ownerId) ?? null) : null,
      status: row.status === "open" ? "open" : "decided",
      reportCount: row.reportCount,
      reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
      lastReportAt: row.lastReportAt,
      claimedBy: row.claimedById ? (byId.get(row.claimedById) ?? null) : null,
    } satisfies TCaseSummary;
  });
}

/** A case as a moderator works it: every report with its snapshot, the target now, and its history. */
export async function caseDetail(deps: { db: Db; now: () => Date }, caseId: number): Promise<TCaseDetail> {
  const { db } = deps;
  const row = await db.moderationCase.findUnique({
    where: { id: caseId },
    select: {
      ...caseSelect,
      appeal: {
        select: { id: true, text: true, createdAt: true, decisionId: true, decision: { select: { details: true } } },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", m.noSuchCase);
  const [summary] = await shapeCases(db, [row]);
  const [history, current, appealDecision] = await Promise.all([
    db.auditEntry.findMany({
      where: {
        action: { startsWith: "decision." },
        OR: [
          { targetKind: row.targetKind, targetKey: row.targetKey },
          ...(row.ownerId ? [{ subjectId: row.ownerId }] : []),
        ],
      },
      orderBy: { id: "desc" },
      take: 50,
      select: auditDecisionSelect,
    }),
    currentState(db, row.targetKind, row.targetKey, row.ownerId, deps.now()),
    row.appeal ? db.auditEntry.findUnique({ where: { id: row.appeal.decisionId }, select: auditDecisionSelect }) : null,
  ]);
  return {
    ...summary!,
    reports: row.reports.map((report) => ({
      id: report.id,
      reporter: report.reporter,
      reason: report.reason as TReportReason,
      note: report.note,
      createdAt: report.createdAt,
      snapshot: snapshotFromJson(report.snapshot),
    })),
    current,
    history: history.map((entry) => decisionOf(entry, true)),
    appeal:
      row.appeal && appealDecision
        ? {
            id: row.appeal.id,
            text: row.appeal.text,
            createdAt: row.appeal.createdAt,
            decision: decisionOf(appealDecision, true),
          }
        : null,
  };
}

/** The target as it is now: hidden, deleted, its owner suspended. */
async function currentState(db: Db, kind: string, key: string, ownerId: string | null, at: Date) {
  const owner = ownerId
    ? await db.user.findUnique({
        where: { id: ownerId },
        select: { suspendedAt: true, suspendedUntil: true, suspensionReason: true, profileHiddenAt: true },
      })
    : null;
  const flags = await contentFlags(db, kind, key, owner?.profileHiddenAt ?? null);
  return {
    ...flags,
    ownerSuspended: owner ? isSuspended(owner, at) : false,
    ownerSuspendedUntil: owner && isSuspended(owner, at) ? owner.suspendedUntil : null,
  };
}

async function contentFlags(db: Db, kind: string, key: string, profileHiddenAt: Date | null) {
  const flags = (row: { hiddenAt: Date | null; deletedAt?: Date | null } | null) => ({
    hidden: row?.hiddenAt != null,
    deleted: row === null || row.deletedAt != null,
  });
  switch (kind) {
    case "post":
      return flags(
        await db.post.findUnique({ where: { id: Number(key) }, select: { hiddenAt: true, deletedAt: true } }),
      );
    case "comment":
      return flags(
        await db.comment.findUnique({ where: { id: Number(key) }, select: { hiddenAt: true, deletedAt: true } }),
      );
    case "study":
      return flags(
        await db.study.findUnique({ where: { id: Number(key) }, select: { hiddenAt: true, deletedAt: true } }),
      );
    case "message": {
      const [roomId, seq] = key.split(":").map(Number) as [number, number];
      return flags(
        await db.chatMessage.findUnique({
          where: { roomId_seq: { roomId, seq } },
          select: { hiddenAt: true, deletedAt: true },
        }),
      );
    }
    case "mentor":
      return flags(await db.mentorProfile.findUnique({ where: { userId: key }, select: { hiddenAt: true } }));
    default:
      return { hidden: profileHiddenAt !== null, deleted: false };
  }
}

/** The case, locked for the rest of the transaction. */
export async function lockCase(tx: Prisma.TransactionClient, caseId: number) {
  const [row] = await tx.$queryRaw<
    { id: number; status: string; claimedById: string | null; claimedAt: Date | null }[]
  >`
    select id, status, "claimedById", "claimedAt" from "ModerationCase" where id = ${caseId} for update`;
  if (!row) throw new AppError("NOT_FOUND", m.noSuchCase);
  return row;
}

/** The case, claimed by `viewer` if it is free (or their own), locked for the rest of the transaction. */
export async function claimCase(tx: Prisma.TransactionClient, viewer: TViewer, caseId: number, at: Date) {
  const row = await lockCase(tx, caseId);
  if (row.status !== "open") throw new AppError("CONFLICT", m.caseDecided);
  const stale = row.claimedAt !== null && at.getTime() - row.claimedAt.getTime() > CLAIM_LAPSES_MS;
  if (row.claimedById && row.claimedById !== viewer.userId && !stale) {
    throw new AppError("CONFLICT", m.caseClaimedByOther);
  }
  await tx.moderationCase.update({ where: { id: caseId }, data: { claimedById: viewer.userId, claimedAt: at } });
}

/** A claim nobody acted on for this long lapses: another moderator may take the case. */
const CLAIM_LAPSES_MS = 30 * 60_000;
