import { router } from "./trpc.js";
import { postRouter } from "./posts/post.router.js";
import { authRouter } from "./auth/auth.router.js";
import { userRouter } from "./users/user.router.js";

export const appRouter = router({
  auth: authRouter,
  post: postRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
