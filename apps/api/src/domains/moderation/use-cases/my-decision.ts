import { AppError, serverMessages as m, type TMyDecision, type TDecisionRef, type TViewer } from "@orgo/api-contract";
import { snapshotFromJson } from "../../safety/report-cases.js";
import type { ModerationDeps } from "../moderation-deps.js";
import { auditDecisionSelect, decisionOf } from "../audit.js";

/** Decisions an author may appeal, once: content hidden, and suspensions. */
export const APPEALABLE = ["decision.hide", "decision.suspend"];

/**
 * A decision about me or my content: what it was about, why, and my appeal. Only the
 * person it is about may read it (NOT_FOUND for anyone else); the moderator is not named.
 */
export async function myDecision(
  deps: ModerationDeps,
  viewer: TViewer,
  { decisionId }: TDecisionRef,
): Promise<TMyDecision> {
  const { db } = deps;
  const entry = await db.auditEntry.findUnique({
    where: { id: decisionId },
    select: { ...auditDecisionSelect, subjectId: true, caseId: true, appeal: true },
  });
  if (!entry || entry.subjectId !== viewer.userId || !entry.action.startsWith("decision.")) {
    throw new AppError("NOT_FOUND", m.noSuchDecision);
  }
  const first = entry.caseId
    ? await db.report.findFirst({ where: { caseId: entry.caseId }, orderBy: { id: "asc" }, select: { snapshot: true } })
    : null;
  const snapshot = first ? snapshotFromJson(first.snapshot) : null;
  return {
    decision: decisionOf(entry, false),
    // Their own words only: a chat window's other messages are not theirs to be shown again.
    snapshot: snapshot ? { ...snapshot, window: snapshot.window?.filter((message) => message.reported) ?? null } : null,
    canAppeal: APPEALABLE.includes(entry.action) && entry.appeal === null,
    appeal: entry.appeal
      ? {
          state: entry.appeal.status as "open" | "granted" | "denied",
          text: entry.appeal.text,
          createdAt: entry.appeal.createdAt,
        }
      : null,
  };
}
