export * from "./schemas.js";
export { appRouter, type AppRouter } from "./router.js";
export { createCallerFactory, unavailable } from "./trpc.js";
export { serializeOutput } from "./live/shared-frames.js";
export { LiveFeed, type LiveSource } from "./live/live-feed.js";
export { RecentCache } from "./live/recent-cache.js";
export type { TContext, TViewer, TCallReport } from "./context.js";
export type {
  Services,
  AuthService,
  PostService,
  SocialService,
  CommentService,
  NotificationService,
  SearchService,
  StudyService,
  ChatService,
  PresenceService,
  MentoringService,
  SystemService,
  UserService,
  TDevice,
} from "./services.js";
