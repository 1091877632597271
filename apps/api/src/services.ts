import type { TOAuthProvider } from "@orgo/api-contract";
import type { Services } from "@orgo/api-contract/server";
import type { Db } from "@orgo/db";
import type { EventBus } from "./platform/events/event-bus.js";
import type { SessionService } from "./platform/sessions/session.service.js";
import type { JobQueue } from "./platform/jobs/job-queue.js";
import type { RateLimiter } from "./platform/rate-limit/rate-limiter.js";
import type { FileStorage } from "./platform/storage/file-storage.js";
import type { Logger } from "./platform/logger.js";
import { createPostService } from "./domains/posts/post.service.js";
import { createAuthService } from "./domains/auth/auth.service.js";
import { createSystemService } from "./domains/system/system.service.js";
import { createUserService, type ProfileService } from "./domains/users/user.service.js";
import { createSocialService } from "./domains/social/social.service.js";
import { createCommentService } from "./domains/comments/comment.service.js";
import { createNotificationService } from "./domains/notifications/notification.service.js";
import { createSearchService } from "./domains/search/search.service.js";
import { createStudyService } from "./domains/studies/study.service.js";
import { createChatService } from "./domains/chat/chat.service.js";
import { createChatBlockListener } from "./domains/chat/chat-block-listener.js";
import { createLinkPreviews } from "./domains/chat/link-preview/link-previews.js";
import type { SafeFetch } from "./platform/link-fetch/safe-fetch.js";
import { createPresenceService } from "./domains/presence/presence.service.js";
import type { PresenceStore } from "./platform/presence/presence-store.js";
import { createMentoringService } from "./domains/mentoring/mentoring.service.js";
import { createMentorDirectory } from "./domains/mentoring/mentor-directory.js";
import { createAdminService, createModerationService } from "./domains/moderation/moderation.service.js";
import { createQueueFeed } from "./domains/moderation/queue-feed.js";
import type { ContentGuard } from "./domains/safety/content-guard.js";
import { createSafety } from "./domains/safety/safety.js";
import { createPushService } from "./domains/push/push.service.js";
import type { PushSender } from "./platform/push/push-sender.js";

export interface ServiceDeps {
  db: Db;
  bus: EventBus;
  sessions: SessionService;
  jobs: JobQueue;
  presenceStore: PresenceStore;
  presenceTtlMs: number;
  /** Chat messages one person may send in 10 s (a script's flood meets it, a person does not). */
  chatSendsPer10s: number;
  limiter: RateLimiter;
  storage: FileStorage;
  oauthProviders: () => TOAuthProvider[];
  logger: Logger;
  /** Null: push is off on this server. */
  pushSender: PushSender | null;
  /** Reads the pages people link to (SSRF-safe: public addresses only). */
  linkFetch: SafeFetch;
  /** Where people open OrGo (links in calendar files). */
  publicOrigin: () => string;
}

export function createServices(deps: ServiceDeps): Services & { users: ProfileService; guard: ContentGuard } {
  const now = () => new Date();
  const { trust, words, guard } = createSafety({ ...deps, now });
  const studies = createStudyService({ ...deps, guard });
  const moderation = { ...deps, trust, words, now, queueFeed: createQueueFeed(deps.bus) };
  return {
    auth: createAuthService(deps),
    posts: createPostService({ ...deps, guard }),
    social: createSocialService({ ...deps, blockListeners: [createChatBlockListener(deps)] }),
    comments: createCommentService({ ...deps, guard }),
    notifications: createNotificationService(deps),
    search: createSearchService({
      ...deps,
      studies,
      mentors: createMentorDirectory({ db: deps.db, now: () => new Date() }),
    }),
    studies,
    system: createSystemService(deps),
    users: createUserService({ ...deps, guard }),
    chat: createChatService({
      ...deps,
      guard,
      sendLimit: { limit: deps.chatSendsPer10s, windowMs: 10_000 },
      previews: createLinkPreviews({ ...deps, fetch: deps.linkFetch }),
    }),
    presence: createPresenceService(deps),
    mentoring: createMentoringService({ ...deps, guard }),
    moderation: createModerationService(moderation),
    admin: createAdminService(moderation),
    push: createPushService({
      db: deps.db,
      sender: deps.pushSender,
      presence: deps.presenceStore,
      logger: deps.logger,
      now,
    }),
    // Also the upload routes' (a new account posts no pictures yet).
    guard,
  };
}
