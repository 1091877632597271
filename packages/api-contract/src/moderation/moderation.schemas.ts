import { z } from "zod";
import { ZDbId } from "../common/common.schemas.js";
import { ZPublicUser } from "../users/user.schemas.js";
import { serverMessages as m } from "../messages.js";
import {
  decisionActions,
  MODERATION_TEXT_MAX,
  reportReasons,
  reportStates,
  reportTargetKinds,
  roles,
  suspensionLengths,
  wordRuleActions,
} from "./moderation.constants.js";
export * from "./moderation.constants.js";

export const ZReportReason = z.enum(reportReasons);

/**
 * Why something of mine is hidden from others, shown to me only: the decision (its
 * reason; its id opens it with moderation.myDecision, where I may appeal) or "held
 * for review" (a watched word; a moderator decides).
 */
export const ZModerationMark = z.object({
  decisionId: z.number().int().nullable(),
  reason: z.string(),
  heldForReview: z.boolean(),
});
export type TModerationMark = z.infer<typeof ZModerationMark>;
export const ZReportTargetKind = z.enum(reportTargetKinds);
export const ZRole = z.enum(roles);
export const ZDecisionAction = z.enum(decisionActions);

/** What a report is about: each kind names its target its own way. */
export const ZReportTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("post"), id: ZDbId }),
  z.object({ kind: z.literal("comment"), id: ZDbId }),
  z.object({ kind: z.literal("message"), roomId: ZDbId, seq: ZDbId }),
  z.object({ kind: z.literal("profile"), userId: z.uuid() }),
  z.object({ kind: z.literal("study"), id: ZDbId }),
  z.object({ kind: z.literal("mentor"), userId: z.uuid() }),
]);
export type TReportTarget = z.infer<typeof ZReportTarget>;

const ZModerationText = (required: string) =>
  z.string().trim().min(1, required).max(MODERATION_TEXT_MAX, m.moderationTextTooLong);

export const ZReportInput = z.object({
  target: ZReportTarget,
  reason: ZReportReason,
  note: z.string().trim().max(MODERATION_TEXT_MAX, m.moderationTextTooLong).default(""),
});
export type TReportInput = z.infer<typeof ZReportInput>;

/** A target as moderators and reporters see it named: its kind, its key and a short label. */
export const ZTargetRef = z.object({
  kind: ZReportTargetKind,
  /** A post, comment or study id; "<room>:<seq>" for a message; a user id for a profile or mentor. */
  key: z.string(),
  /** A title, an excerpt or a handle (empty once the target is gone). */
  label: z.string(),
});
export type TTargetRef = z.infer<typeof ZTargetRef>;

/** My report, as I see it: never who else reported, never the target's reply. */
export const ZMyReport = z.object({
  id: z.number().int(),
  target: ZTargetRef,
  reason: ZReportReason,
  note: z.string(),
  state: z.enum(reportStates),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});
export type TMyReport = z.infer<typeof ZMyReport>;

/** One message of a reported chat window, as it was when reported. */
export const ZSnapshotMessage = z.object({
  seq: z.number().int(),
  author: ZPublicUser.nullable(),
  body: z.string(),
  createdAt: z.date(),
  /** The reported message itself (the others are the ten before it). */
  reported: z.boolean(),
});

/** What was reported, as it was then: edits and deletions afterwards hide nothing. */
export const ZSnapshot = z.object({
  author: ZPublicUser.nullable(),
  title: z.string().nullable(),
  body: z.string(),
  imageUrls: z.array(z.string()),
  createdAt: z.date().nullable(),
  /** A chat message: it and the ten before it in its room. */
  window: z.array(ZSnapshotMessage).nullable(),
});
export type TSnapshot = z.infer<typeof ZSnapshot>;

/** A decision (an entry of the audit log), as moderators and the person it is about see it. */
export const ZDecision = z.object({
  id: z.number().int(),
  action: z.string(),
  reason: z.string(),
  at: z.date(),
  /** The moderator's handle, for moderators only (null for the person it is about). */
  moderatorHandle: z.string().nullable(),
  target: ZTargetRef.nullable(),
  /** A suspension's end (null: until lifted), and whether it hid the person's content. */
  suspension: z.object({ until: z.date().nullable(), hideContent: z.boolean() }).nullable(),
});
export type TDecision = z.infer<typeof ZDecision>;

export const ZCaseSummary = z.object({
  id: z.number().int(),
  kind: z.enum(["reports", "appeal"]),
  target: ZTargetRef,
  owner: ZPublicUser.nullable(),
  status: z.enum(["open", "decided"]),
  reportCount: z.number().int(),
  reasons: z.array(z.object({ reason: ZReportReason, count: z.number().int() })),
  lastReportAt: z.date(),
  claimedBy: ZPublicUser.nullable(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

export const ZCaseDetail = ZCaseSummary.extend({
  reports: z.array(
    z.object({
      id: z.number().int(),
      reporter: ZPublicUser.nullable(),
      reason: ZReportReason,
      note: z.string(),
      createdAt: z.date(),
      snapshot: ZSnapshot,
    }),
  ),
  /** The target now: hidden, deleted, or its owner suspended. */
  current: z.object({
    hidden: z.boolean(),
    deleted: z.boolean(),
    ownerSuspendedUntil: z.date().nullable(),
    ownerSuspended: z.boolean(),
  }),
  /** Earlier decisions about this target and about its owner, newest first. */
  history: z.array(ZDecision),
  /** An appeal case: what the author wrote, and the decision they appeal. */
  appeal: z.object({ id: z.number().int(), text: z.string(), createdAt: z.date(), decision: ZDecision }).nullable(),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

export const ZQueueInput = z.object({
  status: z.enum(["open", "decided"]).default("open"),
  cursor: ZDbId.nullish(),
  limit: z.number().int().min(1).max(50).default(30),
});
export type TQueueInput = z.infer<typeof ZQueueInput>;

export const ZQueuePage = z.object({ items: z.array(ZCaseSummary), nextCursor: z.number().int().nullable() });
export type TQueuePage = z.infer<typeof ZQueuePage>;

export const ZCaseRef = z.object({ caseId: ZDbId });
export type TCaseRef = z.infer<typeof ZCaseRef>;

export const ZDecideInput = z
  .object({
    caseId: ZDbId,
    action: ZDecisionAction,
    reason: ZModerationText(m.decisionReasonRequired),
    /** With "suspend": for how long, and whether everything the person wrote is hidden meanwhile. */
    suspension: z.object({ length: z.enum(suspensionLengths), hideContent: z.boolean() }).nullish(),
  })
  .refine((input) => input.action !== "suspend" || !!input.suspension, {
    message: m.suspensionLengthRequired,
    path: ["suspension"],
  });
export type TDecideInput = z.infer<typeof ZDecideInput>;

export const ZDecideAppealInput = z.object({
  caseId: ZDbId,
  /** True: the decision is undone (the content shown again, the suspension lifted). */
  grant: z.boolean(),
  reason: ZModerationText(m.decisionReasonRequired),
});
export type TDecideAppealInput = z.infer<typeof ZDecideAppealInput>;

export const ZAppealInput = z.object({ decisionId: ZDbId, text: ZModerationText(m.appealRequired) });
export type TAppealInput = z.infer<typeof ZAppealInput>;

export const ZDecisionRef = z.object({ decisionId: ZDbId });
export type TDecisionRef = z.infer<typeof ZDecisionRef>;

/** A decision about me or my content, with what was decided on and my one appeal. */
export const ZMyDecision = z.object({
  decision: ZDecision,
  snapshot: ZSnapshot.nullable(),
  canAppeal: z.boolean(),
  appeal: z.object({ state: z.enum(["open", "granted", "denied"]), text: z.string(), createdAt: z.date() }).nullable(),
});
export type TMyDecision = z.infer<typeof ZMyDecision>;

/** "The queue changed": moderators' open lists refetch (a new report, a claim, a decision). */
export const ZQueueSignal = z.object({ caseId: z.number().int() });
export type TQueueSignal = z.infer<typeof ZQueueSignal>;

// Admin

export const ZStaffMember = ZPublicUser.extend({ role: ZRole });
export type TStaffMember = z.infer<typeof ZStaffMember>;

/** Admins make and unmake moderators; admins themselves are made on the server's command line. */
export const ZSetRoleInput = z.object({
  handle: z.string().trim().toLowerCase().min(1).max(30),
  role: z.enum(["member", "moderator"]),
  reason: ZModerationText(m.decisionReasonRequired),
});
export type TSetRoleInput = z.infer<typeof ZSetRoleInput>;

export const ZAuditInput = z.object({
  /** An action ("decision.hide") or a prefix of one ("decision."). */
  action: z.string().trim().max(40).nullish(),
  /** The moderator's or admin's handle. */
  actor: z.string().trim().toLowerCase().max(30).nullish(),
  /** The handle of the person a decision was about. */
  subject: z.string().trim().toLowerCase().max(30).nullish(),
  cursor: ZDbId.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TAuditInput = z.infer<typeof ZAuditInput>;

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.date(),
  actorHandle: z.string().nullable(),
  action: z.string(),
  target: z.object({ kind: z.string(), key: z.string() }).nullable(),
  subjectHandle: z.string().nullable(),
  reason: z.string(),
  caseId: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z.object({ items: z.array(ZAuditEntry), nextCursor: z.number().int().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;

export const ZWordRule = z.object({
  id: z.number().int(),
  pattern: z.string(),
  action: z.enum(wordRuleActions),
  createdAt: z.date(),
});
export type TWordRule = z.infer<typeof ZWordRule>;

export const ZAddWordRuleInput = z.object({
  pattern: z.string().trim().toLowerCase().min(2, m.wordTooShort).max(100),
  action: z.enum(wordRuleActions),
});
export type TAddWordRuleInput = z.infer<typeof ZAddWordRuleInput>;

export const ZWordRuleRef = z.object({ id: ZDbId });
export type TWordRuleRef = z.infer<typeof ZWordRuleRef>;

export const ZDashboardInput = z.object({ days: z.number().int().min(7).max(90).default(30) });
export type TDashboardInput = z.infer<typeof ZDashboardInput>;

export const ZDashboard = z.object({
  days: z.array(
    z.object({
      /** YYYY-MM-DD (UTC). */
      day: z.string(),
      signUps: z.number().int(),
      active: z.number().int(),
      posts: z.number().int(),
      messages: z.number().int(),
      reportsOpened: z.number().int(),
      reportsDecided: z.number().int(),
    }),
  ),
  mostReported: z.array(z.object({ target: ZTargetRef, reports: z.number().int() })),
  openCases: z.number().int(),
});
export type TDashboard = z.infer<typeof ZDashboard>;

/** How much a person may do yet (new accounts start limited), shown where a limit refuses. */
export const ZTrust = z.object({
  level: z.enum(["new", "basic", "member", "staff"]),
  /** When the next level begins (null: at the top already). */
  nextLevelAt: z.date().nullable(),
});
export type TTrust = z.infer<typeof ZTrust>;

export const ZMyReportsInput = z.object({
  cursor: ZDbId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TMyReportsInput = z.infer<typeof ZMyReportsInput>;

export const ZMyReportsPage = z.object({ items: z.array(ZMyReport), nextCursor: z.number().int().nullable() });
export type TMyReportsPage = z.infer<typeof ZMyReportsPage>;
