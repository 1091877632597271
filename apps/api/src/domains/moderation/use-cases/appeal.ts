import { AppError, serverMessages as m, type TAppealInput, type TMyDecision, type TViewer } from "@orgo/api-contract";
import { isUniqueViolation } from "@orgo/db";
import type { ModerationDeps } from "../moderation-deps.js";
import { publishQueueChanged } from "../../safety/queue-signal.js";
import { APPEALABLE, myDecision } from "./my-decision.js";

/**
 * The person a decision hid content of (or suspended) appeals it, once: an appeal
 * case joins the moderators' queue with what they wrote.
 */
export async function appeal(deps: ModerationDeps, viewer: TViewer, input: TAppealInput): Promise<TMyDecision> {
  const { db } = deps;
  const entry = await db.auditEntry.findUnique({
    where: { id: input.decisionId },
    select: { action: true, subjectId: true, targetKind: true, targetKey: true },
  });
  if (!entry || entry.subjectId !== viewer.userId) throw new AppError("NOT_FOUND", m.noSuchDecision);
  if (!APPEALABLE.includes(entry.action) || !entry.targetKind || !entry.targetKey) {
    throw new AppError("VALIDATION", m.cannotAppeal);
  }
  const at = deps.now();
  let caseId: number;
  try {
    caseId = await db.$transaction(async (tx) => {
      const kase = await tx.moderationCase.create({
        data: {
          kind: "appeal",
          targetKind: entry.targetKind!,
          targetKey: entry.targetKey!,
          ownerId: viewer.userId,
          createdAt: at,
          lastReportAt: at,
        },
        select: { id: true },
      });
      await tx.appeal.create({
        data: {
          decisionId: input.decisionId,
          authorId: viewer.userId,
          text: input.text,
          caseId: kase.id,
          createdAt: at,
        },
      });
      return kase.id;
    });
  } catch (error) {
    // One appeal per decision (the unique key), however often it is sent.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", m.alreadyAppealed);
    throw error;
  }
  await publishQueueChanged(deps.bus, caseId);
  return myDecision(deps, viewer, { decisionId: input.decisionId });
}
