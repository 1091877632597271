import { router } from "./trpc.js";
import { postRouter } from "./posts/post.router.js";
import { authRouter } from "./auth/auth.router.js";
import { userRouter } from "./users/user.router.js";
import { socialRouter } from "./social/social.router.js";
import { commentRouter } from "./comments/comment.router.js";
import { notificationRouter } from "./notifications/notification.router.js";
import { searchRouter } from "./search/search.router.js";
import { studyRouter } from "./studies/study.router.js";
import { chatRouter } from "./chat/chat.router.js";
import { presenceRouter } from "./presence/presence.router.js";
import { systemRouter } from "./system/system.router.js";
import { mentoringRouter } from "./mentoring/mentoring.router.js";

export const appRouter = router({
  auth: authRouter,
  post: postRouter,
  user: userRouter,
  social: socialRouter,
  comment: commentRouter,
  notification: notificationRouter,
  search: searchRouter,
  study: studyRouter,
  chat: chatRouter,
  presence: presenceRouter,
  system: systemRouter,
  mentoring: mentoringRouter,
});

export type AppRouter = typeof appRouter;
