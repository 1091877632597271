/**
 * What each notification says, in English: the app shows it, push and mail say it when
 * OrGo is closed. `{name}` is who did it, `{others}` how many more. Korean is its own
 * module (notification-sentences-ko.ts), so a reader loads only their language.
 */
export const notificationSentencesEn = {
  "notifications.report_decidedNone": "Your report was reviewed: no action was needed",
  "notifications.appeal_decidedDenied": "Your appeal was denied",
  "notifications.mention": "{name} mentioned you",
  "notifications.chat_opened": "{name} started a conversation with you",
  "notifications.mentionMany": "{name} and {others, plural, one {# other} other {# others}} mentioned you",
  "notifications.like": "{name} liked your post",
  "notifications.likeMany": "{name} and {others, plural, one {# other} other {# others}} liked your post",
  "notifications.follow": "{name} followed you",
  "notifications.followMany": "{name} and {others, plural, one {# other} other {# others}} followed you",
  "notifications.comment": "{name} commented on your post",
  "notifications.reply": "{name} replied to your comment",
  "notifications.study_joined": "{name} joined your study",
  "notifications.study_left": "{name} left your study",
  "notifications.study_requested": "{name} asked to join your study",
  "notifications.study_accepted": "{name} accepted you into the study",
  "notifications.study_declined": "{name} declined your request to join",
  "notifications.study_promoted": "A seat freed up: you moved from the waitlist into the study",
  "notifications.study_removed": "{name} removed you from the study",
  "notifications.mentor_requested": "{name} asked you for mentoring",
  "notifications.mentor_withdrawn": "{name} withdrew their mentoring request",
  "notifications.mentor_confirmed": "{name} confirmed the meeting time",
  "notifications.mentor_rated": "{name} rated your meeting",
  "notifications.mentor_accepted": "{name} accepted your mentoring request",
  "notifications.mentor_countered": "{name} proposed another time",
  "notifications.mentor_declined": "{name} declined your mentoring request",
  "notifications.meeting_rate": "How was your meeting with {name}? Rate it",
  "notifications.mentor_expired": "A mentoring request with {name} expired",
  "notifications.meeting_reschedule_proposed": "{name} proposed a new time for your meeting",
  "notifications.meeting_rescheduled": "{name} accepted the new meeting time",
  "notifications.meeting_reschedule_declined": "{name} kept the old meeting time",
  "notifications.meeting_cancelled": "{name} cancelled your meeting",
  "notifications.meeting_place": "{name} set where you meet",
  "notifications.meeting_reminder": "Your meeting with {name} starts soon",
  "notifications.report_decided": "Your report was reviewed: action was taken",
  "notifications.moderation_warned": "A warning from the moderators",
  "notifications.moderation_hidden": "Moderators hid something you wrote",
  "notifications.moderation_deleted": "Moderators deleted something you wrote",
  "notifications.moderation_suspended": "Your account was suspended",
  "notifications.moderation_lifted": "Your suspension was lifted",
  "notifications.appeal_decided": "Your appeal was granted",
} as const;

export type NotificationSentenceKey = keyof typeof notificationSentencesEn;
