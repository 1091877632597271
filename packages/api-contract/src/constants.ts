// The contract's values the web client needs on its first screen, without zod: the
// schemas (≈ 25 KB gzipped) load only with what validates (uploads). Everything here
// is also exported by "./schemas".
export * from "./errors.js";
export * from "./messages.js";
export * from "./common/format-message.js";
export * from "./common/plain-excerpt.js";
export * from "./common/markdown-prose.js";
export * from "./files/file.constants.js";
export * from "./users/mentions.js";
export * from "./posts/post.constants.js";
export * from "./studies/study.constants.js";
export * from "./search/search.constants.js";
export * from "./mentoring/mentoring.constants.js";
export * from "./mentoring/mentoring-paths.js";
export * from "./chat/chat.constants.js";
export * from "./notifications/notification.constants.js";
export * from "./moderation/moderation.constants.js";
export * from "./notifications/notification-text.js";
export * from "./push/push.constants.js";
// The notification sentences are not here: each language table imports its own
// ("@orgo/api-contract/notification-sentences", "…-ko"), so a reader loads one language.
