import { AppError, serverMessages as m, type TChangePasswordInput, type TViewer } from "@orgo/api-contract";
import { enforce, limits } from "../../../platform/rate-limit/limits.js";
import type { AuthDeps } from "../auth-deps.js";
import { hashPassword, verifyPassword } from "../password.js";
import { publishSessionsRevoked } from "../../../platform/sessions/revoked.js";

/** Needs the current password; ends every other session of mine, in one transaction with the change. */
export async function changePassword(deps: AuthDeps, viewer: TViewer, input: TChangePasswordInput): Promise<void> {
  const { db, sessions } = deps;
  // The same allowance as every other check of this account's password: without it,
  // one signed-in user could queue hundreds of hashes and starve everyone's sign-in.
  await enforce(deps.limiter, [[`signin:account-id:${viewer.userId}`, limits.signInPerAccount]]);
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", m.currentPasswordWrong, {
      fieldErrors: { currentPassword: [m.currentPasswordWrong] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.userId }, data: { passwordHash } });
    return sessions.invalidateAllForUser(viewer.userId, viewer.sessionId, tx);
  });
  await publishSessionsRevoked(deps.bus, ended);
}
