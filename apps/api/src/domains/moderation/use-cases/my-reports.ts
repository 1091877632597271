import type {
  TMyReportsInput,
  TMyReportsPage,
  TReportReason,
  TReportState,
  TReportTargetKind,
  TViewer,
} from "@orgo/api-contract";
import { snapshotFromJson, targetLabel } from "../../safety/report-cases.js";
import type { ModerationDeps } from "../moderation-deps.js";

/** My reports, newest first, with what became of each. */
export async function myReports(
  { db }: ModerationDeps,
  viewer: TViewer,
  { cursor, limit }: TMyReportsInput,
): Promise<TMyReportsPage> {
  const rows = await db.report.findMany({
    where: { reporterId: viewer.userId, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      reason: true,
      note: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      snapshot: true,
      case: { select: { targetKind: true, targetKey: true } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => {
      const snapshot = snapshotFromJson(row.snapshot);
      return {
        id: row.id,
        target: {
          kind: row.case.targetKind as TReportTargetKind,
          key: row.case.targetKey,
          label: targetLabel(row.case.targetKind, snapshot),
        },
        reason: row.reason as TReportReason,
        note: row.note,
        state: row.status as TReportState,
        createdAt: row.createdAt,
        decidedAt: row.decidedAt,
      };
    }),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
