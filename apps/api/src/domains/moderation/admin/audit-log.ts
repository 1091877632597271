import type { TAuditInput, TAuditPage, TViewer } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import type { ModerationDeps } from "../moderation-deps.js";

/** The audit log, newest first: by action (or its prefix), by the actor's or the subject's handle. */
export async function auditLog({ db }: ModerationDeps, _viewer: TViewer, input: TAuditInput): Promise<TAuditPage> {
  const where: Prisma.AuditEntryWhereInput = {
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.actor ? { actorHandle: input.actor } : {}),
    ...(input.subject ? { subjectHandle: input.subject } : {}),
    ...(input.cursor ? { id: { lt: input.cursor } } : {}),
  };
  const rows = await db.auditEntry.findMany({ where, orderBy: { id: "desc" }, take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.at,
      actorHandle: row.actorHandle,
      action: row.action,
      target: row.targetKind && row.targetKey ? { kind: row.targetKind, key: row.targetKey } : null,
      subjectHandle: row.subjectHandle,
      reason: row.reason,
      caseId: row.caseId,
      details: (row.details ?? {}) as Record<string, unknown>,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
