import type { Services, TOAuthProvider } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import type { EventBus } from "./events/event-bus.js";
import type { SessionService } from "./auth/session.service.js";
import type { JobQueue } from "./jobs/job-queue.js";
import type { RateLimiter } from "./rate-limit/rate-limiter.js";
import type { FileStorage } from "./storage/file-storage.js";
import type { Logger } from "./logger.js";
import { createPostService } from "./posts/post.service.js";
import { createAuthService } from "./auth/auth.service.js";
import { createSystemService } from "./system/system.service.js";
import { createUserService, type ProfileService } from "./users/user.service.js";
import { createSocialService } from "./social/social.service.js";
import { createCommentService } from "./comments/comment.service.js";
import { createNotificationService } from "./notifications/notification.service.js";
import { createSearchService } from "./search/search.service.js";
import { createStudyService } from "./studies/study.service.js";
import { createChatService } from "./chat/chat.service.js";
import { createPresenceService } from "./presence/presence.service.js";
import type { PresenceStore } from "./presence/presence-store.js";
import { createMentoringService } from "./mentoring/mentoring.service.js";
import { createMentorDirectory } from "./mentoring/mentor-directory.js";

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
}

export function createServices(deps: ServiceDeps): Services & { users: ProfileService } {
  const studies = createStudyService(deps);
  return {
    auth: createAuthService(deps),
    posts: createPostService(deps),
    social: createSocialService(deps),
    comments: createCommentService(deps),
    notifications: createNotificationService(deps),
    search: createSearchService({
      ...deps,
      studies,
      mentors: createMentorDirectory({ db: deps.db, now: () => new Date() }),
    }),
    studies,
    system: createSystemService(deps),
    users: createUserService(deps),
    chat: createChatService({ ...deps, sendLimit: { limit: deps.chatSendsPer10s, windowMs: 10_000 } }),
    presence: createPresenceService(deps),
    mentoring: createMentoringService(deps),
  };
}
