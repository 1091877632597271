import type { TMe } from "@orgo/api-contract";
import type { AuthService } from "@orgo/api-contract/server";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { JobQueue } from "../../platform/jobs/job-queue.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import type { SessionService } from "../../platform/sessions/session.service.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { bindUseCases } from "../../platform/use-cases.js";
import type { AuthDeps } from "./auth-deps.js";
import { me } from "./use-cases/me.js";
import { signUpStart } from "./use-cases/sign-up-start.js";
import { signUpVerify } from "./use-cases/sign-up-verify.js";
import { signIn } from "./use-cases/sign-in.js";
import { endSession, listSessions, signOut } from "./use-cases/sessions.js";
import { changePassword } from "./use-cases/change-password.js";
import { requestPasswordReset, resetPassword } from "./use-cases/password-reset.js";
import { deleteAccount } from "./use-cases/delete-account.js";
import { unlinkProvider } from "./use-cases/unlink-provider.js";

/** Accounts and sign-in (docs/identity.md); each use case is a file of its own in use-cases/. */
export function createAuthService(deps: {
  db: Db;
  sessions: SessionService;
  jobs: JobQueue;
  limiter: RateLimiter;
  bus: EventBus;
  storage: FileStorage;
  oauthProviders: () => TMe["linkedProviders"];
  now?: () => Date;
}): AuthService {
  const auth: AuthDeps = { ...deps, now: deps.now ?? (() => new Date()) };
  return bindUseCases(auth, {
    me,
    signUpStart,
    signUpVerify,
    signIn,
    signOut,
    listSessions,
    endSession,
    changePassword,
    options: ({ oauthProviders }: AuthDeps) => ({ providers: oauthProviders() }),
    requestPasswordReset,
    resetPassword,
    deleteAccount,
    unlinkProvider,
  });
}
