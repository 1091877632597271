/**
 * Moderation where it meets everyone's screens: "Report…", what the author of hidden
 * content sees, the notices, a suspended sign-in. The rest (the report form, the
 * queue, decisions, admin pages) is in messages-moderation-pages.ts, which loads with
 * those pages.
 */
export const enModeration = {
  "report.open": "Report…",
  "report.openNamed": "Report {what}",
  "report.what.post": "this post",
  "report.what.comment": "this comment",
  "report.what.message": "this message",
  "report.what.profile": "this person",
  "report.what.study": "this study",
  "report.what.mentor": "this mentor profile",
  "moderation.hiddenBanner": "Hidden by moderators. Only you can see it. Reason: {reason}",
  "moderation.heldBanner": "Held for review: only you can see it until a moderator has looked at it.",
  "moderation.seeDecision": "See the decision",
  "moderation.hiddenBadge": "Hidden",
  "moderation.heldBadge": "Held for review",
  "moderation.hiddenComment": "Hidden by moderators",
  "moderation.hiddenMessage": "Hidden by moderators",
  "moderation.hiddenProfile": "Your name, picture and bio are hidden by moderators: others see only your handle.",
  "settings.reports": "My reports",
  "notifications.openDecision": "See the decision",
  "notifications.openReports": "See my reports",
  "auth.suspendedUntil": "This account is suspended until {date}. Reason: {reason}",
  "auth.suspendedIndefinitely": "This account is suspended until a moderator lifts it. Reason: {reason}",
  "nav.moderation": "Moderation",
  "nav.admin": "Admin",
} as const;
