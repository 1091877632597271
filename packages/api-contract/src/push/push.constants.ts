/** The languages OrGo speaks outside the app (push, mail), as the app reports them. */
export const deliveryLanguages = ["en", "ko"] as const;
/** "You have unread messages" by mail: never, or after this long away. */
export const unreadMailDelays = ["off", "15m", "1h"] as const;
/** The digest of what was missed. */
export const digestFrequencies = ["off", "daily", "weekly"] as const;
