import {
  AppError,
  serverMessages as m,
  type TDevice,
  type TRequestPasswordResetInput,
  type TResetPasswordInput,
  type TStartedSession,
} from "@orgo/api-contract";
import { enforce, limits } from "../../../platform/rate-limit/limits.js";
import type { AuthDeps } from "../auth-deps.js";
import { boundSecretMatches, parseBoundToken } from "../bound-token.js";
import { hashPassword } from "../password.js";
import { publishSessionsRevoked } from "../../../platform/sessions/revoked.js";
import { startSession } from "../start-session.js";

const invalidResetLink = () =>
  new AppError("VALIDATION", m.resetLinkInvalid, { fieldErrors: { token: [m.resetLinkInvalid] } });

/** Mails a single-use link when the address has an account; answers the same either way. */
export async function requestPasswordReset(
  { db, jobs, limiter }: AuthDeps,
  input: TRequestPasswordResetInput,
  device: TDevice,
): Promise<void> {
  await enforce(limiter, [
    [`reset:ip:${device.ip}`, limits.resetPerIp],
    [`reset:account:${input.email}`, limits.resetPerAccount],
    [`mail:address:${input.email}`, limits.mailPerAddress],
  ]);
  // The same work whether or not the address has an account: the job decides, off
  // the request path, and only an owner gets mail.
  await db.$transaction((tx) => jobs.enqueue(tx, "mail:passwordReset", { email: input.email }));
}

/** Sets the password, uses up the link (and every older one), ends every session, and signs this browser in. */
export async function resetPassword(
  deps: AuthDeps,
  input: TResetPasswordInput,
  device: TDevice,
): Promise<TStartedSession> {
  const { db, sessions, now } = deps;
  await enforce(deps.limiter, [[`reset-use:ip:${device.ip}`, limits.resetPerIp]]);
  const parsed = parseBoundToken(input.token);
  if (!parsed) throw invalidResetLink();
  const { id, secret } = parsed;
  const reset = await db.passwordReset.findUnique({ where: { id } });
  if (!reset || reset.usedAt || now() >= reset.expiresAt || !boundSecretMatches(secret, reset.secretHash)) {
    throw invalidResetLink();
  }
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await db.$transaction(async (tx) => {
    // Guarded: of two requests with the same link, only one finds it unused.
    const used = await tx.passwordReset.updateMany({ where: { id, usedAt: null }, data: { usedAt: now() } });
    if (used.count === 0) throw invalidResetLink();
    // Whoever could read the mail owns the address: mark it verified.
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, emailVerifiedAt: now() } });
    // Other links mailed before this one are worthless now.
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now() } });
    // Whoever knew the old password may have made their browser trusted: forget them all.
    await tx.trustedDevice.deleteMany({ where: { userId: reset.userId } });
    return sessions.invalidateAllForUser(reset.userId, undefined, tx);
  });
  await publishSessionsRevoked(deps.bus, ended);
  return startSession(deps, reset.userId, device);
}
