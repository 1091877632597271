import {
  AppError,
  channels,
  serverMessages as m,
  type TAddWordRuleInput,
  type TViewer,
  type TWordRule,
  type TWordRuleRef,
} from "@orgo/api-contract";
import { isUniqueViolation } from "@orgo/db";
import type { ModerationDeps } from "../moderation-deps.js";
import { writeAudit } from "../audit.js";

const shape = (row: { id: number; pattern: string; action: string; createdAt: Date }): TWordRule => ({
  id: row.id,
  pattern: row.pattern,
  action: row.action === "refuse" ? "refuse" : "hold",
  createdAt: row.createdAt,
});

export async function wordRules({ db }: ModerationDeps, _viewer: TViewer): Promise<TWordRule[]> {
  return (await db.wordRule.findMany({ orderBy: { pattern: "asc" } })).map(shape);
}

/** A watched word, in force on every process at once (the bus tells them), audited. */
export async function addWordRule(deps: ModerationDeps, viewer: TViewer, input: TAddWordRuleInput): Promise<TWordRule> {
  try {
    const row = await deps.db.$transaction(async (tx) => {
      const row = await tx.wordRule.create({
        data: { pattern: input.pattern, action: input.action, createdById: viewer.userId },
      });
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: "words.added",
        details: { pattern: input.pattern, rule: input.action },
      });
      return row;
    });
    deps.words.invalidate();
    await deps.bus.publish(channels.moderation, { v: 1, type: "moderation.words", data: {} });
    return shape(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", m.wordAlreadyListed);
    throw error;
  }
}

export async function removeWordRule(deps: ModerationDeps, viewer: TViewer, { id }: TWordRuleRef): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const rule = await tx.wordRule.findUnique({ where: { id } });
    if (!rule) return;
    await tx.wordRule.delete({ where: { id } });
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: "words.removed",
      details: { pattern: rule.pattern, rule: rule.action },
    });
  });
  deps.words.invalidate();
  await deps.bus.publish(channels.moderation, { v: 1, type: "moderation.words", data: {} });
}
