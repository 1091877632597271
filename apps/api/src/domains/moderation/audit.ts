import { decisionActionOf, type TDecision, type TReportTargetKind } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";

type Tx = Prisma.TransactionClient;

export interface AuditInput {
  actorId: string | null;
  /** decision.hide, role.granted, chat.shared… (see AuditEntry in schema.prisma). */
  action: string;
  target?: { kind: string; key: string; label?: string } | null;
  subjectId?: string | null;
  reason?: string;
  caseId?: number | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit log, in the caller's transaction (it exists exactly
 * when what it records does). People are written as ids and the handles they have now:
 * the log outlives accounts and the database refuses to change it.
 */
export async function writeAudit(tx: Tx, entry: AuditInput): Promise<number> {
  const details = { ...(entry.details ?? {}), ...(entry.target?.label ? { label: entry.target.label } : {}) };
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    insert into "AuditEntry"
      ("actorId", "actorHandle", "action", "targetKind", "targetKey", "subjectId", "subjectHandle", "reason", "caseId", "details")
    values (
      ${entry.actorId}::uuid, (select handle from "User" where id = ${entry.actorId}::uuid),
      ${entry.action}, ${entry.target?.kind ?? null}, ${entry.target?.key ?? null},
      ${entry.subjectId ?? null}::uuid, (select handle from "User" where id = ${entry.subjectId ?? null}::uuid),
      ${entry.reason ?? ""}, ${entry.caseId ?? null}::int, ${JSON.stringify(details)}::jsonb)
    returning id`;
  return row!.id;
}

export const auditDecisionSelect = {
  id: true,
  at: true,
  action: true,
  reason: true,
  actorHandle: true,
  targetKind: true,
  targetKey: true,
  details: true,
} as const;

type DecisionRow = Prisma.AuditEntryGetPayload<{ select: typeof auditDecisionSelect }>;

/** The audit entry of a decision as a DTO; the moderator's handle only for moderators. */
export function decisionOf(row: DecisionRow, forModerator: boolean): TDecision {
  const details = (row.details ?? {}) as { label?: string; until?: string | null; hideContent?: boolean };
  return {
    id: row.id,
    action: decisionActionOf(row.action),
    reason: row.reason,
    at: row.at,
    moderatorHandle: forModerator ? row.actorHandle : null,
    target:
      row.targetKind && row.targetKey
        ? { kind: row.targetKind as TReportTargetKind, key: row.targetKey, label: details.label ?? "" }
        : null,
    suspension:
      row.action === "decision.suspend"
        ? { until: details.until ? new Date(details.until) : null, hideContent: details.hideContent === true }
        : null,
  };
}
