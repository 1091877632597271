// Runtime-safe for browsers: schemas, DTO types, error codes and event types only.
// Nothing here imports @trpc/server.
export * from "./errors.js";
export * from "./messages.js";
export * from "./common/format-message.js";
export * from "./common/plain-excerpt.js";
export * from "./common/markdown-prose.js";
export * from "./files/file.schemas.js";
export * from "./events.js";
export * from "./common/common.schemas.js";
export * from "./users/user.schemas.js";
export * from "./users/mentions.js";
export * from "./auth/auth.schemas.js";
export * from "./posts/post.schemas.js";
export * from "./social/social.schemas.js";
export * from "./comments/comment.schemas.js";
export * from "./notifications/notification.schemas.js";
export * from "./search/search.schemas.js";
export * from "./studies/study.schemas.js";
export * from "./chat/chat.schemas.js";
export * from "./presence/presence.schemas.js";
export * from "./system/system.schemas.js";
export * from "./mentoring/mentoring.schemas.js";
export * from "./moderation/moderation.schemas.js";
export * from "./push/push.schemas.js";
export * from "./notifications/notification-sentences.js";
export * from "./notifications/notification-sentences-ko.js";
export * from "./notifications/notification-text.js";
