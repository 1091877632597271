// Zod-free: the web client's report dialog and moderation screens read these.

/** Why a person reports something. */
export const reportReasons = ["spam", "harassment", "hate", "sexual", "self_harm", "impersonation", "other"] as const;
export type TReportReason = (typeof reportReasons)[number];

/** What can be reported. */
export const reportTargetKinds = ["post", "comment", "message", "profile", "study", "mentor"] as const;
export type TReportTargetKind = (typeof reportTargetKinds)[number];

export const roles = ["member", "moderator", "admin"] as const;
export type TRole = (typeof roles)[number];

/** What a moderator may decide about a case of reports. */
export const decisionActions = ["dismiss", "hide", "delete", "warn", "suspend", "lift"] as const;
export type TDecisionAction = (typeof decisionActions)[number];

/** How long a suspension lasts ("indefinite": until a moderator lifts it). */
export const suspensionLengths = ["day", "week", "month", "indefinite"] as const;
export type TSuspensionLength = (typeof suspensionLengths)[number];

/** What happens to a text that contains a watched word. */
export const wordRuleActions = ["refuse", "hold"] as const;
export type TWordRuleAction = (typeof wordRuleActions)[number];

/** A reporter's view of their report. */
export const reportStates = ["received", "actioned", "dismissed"] as const;
export type TReportState = (typeof reportStates)[number];

/** A report's note, a decision's reason and an appeal are at most this long. */
export const MODERATION_TEXT_MAX = 1_000;

/**
 * A decision's action as clients see it ("hide", "suspend", "granted"…), from its
 * audit entry's ("decision.hide", "appeal.granted"…).
 */
export const decisionActionOf = (auditAction: string): string => auditAction.replace(/^(decision|appeal)\./, "");
