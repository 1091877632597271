import {
  AppError,
  serverMessages as m,
  type TDevice,
  type TSignUpVerifyInput,
  type TStartedSession,
} from "@orgo/api-contract";
import { isUniqueViolation } from "@orgo/db";
import { secretHashesMatch } from "../../../platform/sessions/session-token.js";
import type { AuthDeps } from "../auth-deps.js";
import { hashCode } from "../auth-jobs.js";
import { boundSecretMatches, parseBoundToken } from "../bound-token.js";
import { startSession } from "../start-session.js";

/** Wrong codes allowed per pending sign-up. */
const CODE_MAX_ATTEMPTS = 5;

const codeExpired = () => new AppError("VALIDATION", m.codeExpired, { fieldErrors: { code: [m.codeExpired] } });

/** The mailed code, from the browser that started the sign-up: the account exists from here, signed in. */
export async function signUpVerify(
  deps: AuthDeps,
  input: TSignUpVerifyInput,
  device: TDevice,
): Promise<TStartedSession> {
  const { db, now } = deps;
  const bound = parseBoundToken(device.signUpToken);
  const pending = bound ? await db.pendingSignUp.findUnique({ where: { id: bound.id } }) : null;
  if (
    !bound ||
    !pending ||
    pending.email !== input.email ||
    !boundSecretMatches(bound.secret, pending.browserSecretHash) ||
    !pending.codeHash ||
    now() >= pending.expiresAt
  ) {
    throw codeExpired();
  }
  if (pending.attempts >= CODE_MAX_ATTEMPTS) throw new AppError("RATE_LIMITED", m.tooManyCodes);
  if (!secretHashesMatch(hashCode(pending.id, input.code), pending.codeHash)) {
    // Counted with a guarded update, so parallel guesses cannot exceed the limit.
    const counted = await db.pendingSignUp.updateMany({
      where: { id: pending.id, attempts: { lt: CODE_MAX_ATTEMPTS } },
      data: { attempts: { increment: 1 } },
    });
    if (counted.count === 0) throw new AppError("RATE_LIMITED", m.tooManyCodes);
    throw new AppError("VALIDATION", m.wrongCode, { fieldErrors: { code: [m.wrongCode] } });
  }
  let userId: string;
  try {
    userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: pending.email,
          emailVerifiedAt: now(),
          handle: pending.handle,
          displayName: pending.displayName,
          passwordHash: pending.passwordHash,
        },
        select: { id: true },
      });
      // Every sign-up of this address is settled now, whoever started it.
      await tx.pendingSignUp.deleteMany({ where: { email: pending.email } });
      return user.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", m.takenMeanwhile, { fieldErrors: { handle: [m.handleTaken] } });
    }
    throw error;
  }
  return startSession(deps, userId, device);
}
