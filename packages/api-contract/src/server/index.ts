// The contract's server side: the tRPC router written against the `Services`
// interface, its context, and the live-feed machinery the websocket server serves.
// Browsers never import this entry (a lint rule and dependency-cruiser keep it so).
export { appRouter, type AppRouter } from "./router.js";
export { createCallerFactory, unavailable } from "./trpc.js";
export { serializeOutput } from "./live/shared-frames.js";
export { LiveFeed, type LiveSink, type LiveSource } from "./live/live-feed.js";
export { RecentCache } from "./live/recent-cache.js";
export type { TContext, TCallReport } from "./context.js";
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
  ModerationService,
  PushService,
  AdminService,
} from "./services.js";
