import { randomUUID } from "node:crypto";
import {
  AppError,
  serverMessages as m,
  type TDevice,
  type TSignUpStarted,
  type TSignUpStartInput,
} from "@orgo/api-contract";
import { enforce, limits } from "../../../platform/rate-limit/limits.js";
import type { AuthDeps } from "../auth-deps.js";
import { CODE_TTL_MS } from "../auth-jobs.js";
import { newBoundSecret, parseBoundToken } from "../bound-token.js";
import { hashPassword } from "../password.js";

/** "Send the code again" is offered after this long. */
const RESEND_AFTER_SECONDS = 60;

/**
 * One path for every address: nothing here asks whether the address has an account
 * (the mail job does), so the answer, the work and the time are the same. The
 * pending row belongs to this browser: verifying needs its cookie, so a stranger who
 * starts a sign-up for my address can never own the account.
 */
export async function signUpStart(
  deps: AuthDeps,
  input: TSignUpStartInput,
  device: TDevice,
): Promise<TSignUpStarted & { signUpToken: string }> {
  const { db, jobs, limiter, now } = deps;
  // Handles are public (every profile shows one): saying one is taken tells nothing
  // about e-mails, and comes first: a taken handle is answered as taken, never as "wait".
  if (await db.user.findUnique({ where: { handle: input.handle }, select: { id: true } })) {
    throw new AppError("CONFLICT", m.handleTaken, { fieldErrors: { handle: [m.handleTaken] } });
  }
  const previous = parseBoundToken(device.signUpToken);
  // "Send again" to the same address from the same browser waits a minute; a
  // corrected address (a typo) goes out at once, and so does another browser's.
  const resending = previous
    ? await db.pendingSignUp.findUnique({ where: { id: previous.id }, select: { email: true } })
    : null;
  if (resending?.email === input.email) {
    const wait = await limiter.hit(`signup:resend:${previous!.id}`, limits.signUpResend);
    if (!wait.allowed) {
      throw new AppError("RATE_LIMITED", m.codeJustSent, { retryAfterSeconds: wait.retryAfterSeconds });
    }
  }
  await enforce(limiter, [
    [`signup:ip:${device.ip}`, limits.signUpPerIp],
    [`mail:address:${input.email}`, limits.mailPerAddress],
  ]);
  const id = randomUUID();
  const { secret, secretHash } = newBoundSecret();
  const codeExpiresAt = new Date(now().getTime() + CODE_TTL_MS);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    // The browser's earlier sign-up (the same address again, or one with a typo) gives way to this one.
    if (previous) await tx.pendingSignUp.deleteMany({ where: { id: previous.id } });
    await tx.pendingSignUp.create({
      data: {
        id,
        email: input.email,
        handle: input.handle,
        displayName: input.displayName,
        passwordHash,
        browserSecretHash: secretHash,
        expiresAt: codeExpiresAt,
      },
    });
    await jobs.enqueue(tx, "mail:signUp", { pendingId: id });
  });
  await limiter.hit(`signup:resend:${id}`, limits.signUpResend);
  return {
    email: input.email,
    codeExpiresAt,
    resendAfterSeconds: RESEND_AFTER_SECONDS,
    signUpToken: `${id}.${secret}`,
  };
}
