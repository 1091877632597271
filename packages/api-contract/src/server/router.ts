import { router } from "./trpc.js";
import { postRouter } from "./routers/post.router.js";
import { authRouter } from "./routers/auth.router.js";
import { userRouter } from "./routers/user.router.js";
import { socialRouter } from "./routers/social.router.js";
import { commentRouter } from "./routers/comment.router.js";
import { notificationRouter } from "./routers/notification.router.js";
import { searchRouter } from "./routers/search.router.js";
import { studyRouter } from "./routers/study.router.js";
import { chatRouter } from "./routers/chat.router.js";
import { presenceRouter } from "./routers/presence.router.js";
import { systemRouter } from "./routers/system.router.js";
import { mentoringRouter } from "./routers/mentoring.router.js";
import { moderationRouter } from "./routers/moderation.router.js";
import { adminRouter } from "./routers/admin.router.js";
import { pushRouter } from "./routers/push.router.js";

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
  moderation: moderationRouter,
  admin: adminRouter,
  push: pushRouter,
});

export type AppRouter = typeof appRouter;
