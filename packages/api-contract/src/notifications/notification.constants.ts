// Zod-free: the web client's first screen imports these without the schemas.
/** What a person can tune: every kind of notification, and chat. */
export const notificationCategories = [
  "follows",
  "likes",
  "comments",
  "replies",
  "mentions",
  "studies",
  "mentoring",
  "chat",
  /** Decisions about my reports, my content and my account: always shown, never switched off. */
  "moderation",
] as const;
