import { AppError, serverMessages as m, type TDeleteAccountInput, type TViewer } from "@orgo/api-contract";
import { recountCounters } from "@orgo/db";
import { enforce, limits } from "../../../platform/rate-limit/limits.js";
import { countersTouchedBy } from "../../social/counters.js";
import type { AuthDeps } from "../auth-deps.js";
import { verifyPassword } from "../password.js";
import { publishSessionsRevoked } from "../../../platform/sessions/revoked.js";

/** An OAuth-only account proves it is really them by a sign-in this recent. */
export const FRESH_SIGN_IN_MS = 10 * 60_000;

/**
 * My handle typed again, and my password (or, without one, a fresh sign-in): then
 * everything I own goes, in one transaction, and every session ends.
 */
export async function deleteAccount(deps: AuthDeps, viewer: TViewer, input: TDeleteAccountInput): Promise<void> {
  const { db, now } = deps;
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { handle: true, passwordHash: true },
  });
  if (input.confirmHandle.trim().toLowerCase() !== user.handle) {
    throw new AppError("VALIDATION", m.confirmationMismatch, {
      fieldErrors: { confirmHandle: [m.confirmationMismatch] },
    });
  }
  if (user.passwordHash) {
    await enforce(deps.limiter, [[`signin:account-id:${viewer.userId}`, limits.signInPerAccount]]);
    if (!input.password || !(await verifyPassword(user.passwordHash, input.password))) {
      throw new AppError("VALIDATION", m.passwordWrong, { fieldErrors: { password: [m.passwordWrong] } });
    }
  } else if (now().getTime() - viewer.signedInAtMs > FRESH_SIGN_IN_MS) {
    throw new AppError("FORBIDDEN", m.freshSignInRequired);
  }
  const { sessionIds, fileKeys } = await db.$transaction(async (tx) => {
    const [userSessions, uploads, touched] = await Promise.all([
      tx.session.findMany({ where: { userId: viewer.userId }, select: { id: true } }),
      tx.upload.findMany({ where: { ownerId: viewer.userId }, select: { key: true } }),
      countersTouchedBy(tx, viewer.userId),
    ]);
    // Studies they lead stay, closed and leaderless (the foreign key sets the leader to null).
    await tx.study.updateMany({
      where: { leaderId: viewer.userId, recruitingClosedAt: null },
      data: { recruitingClosedAt: now() },
    });
    // Everything the user owns goes with them (foreign keys cascade): profile, posts
    // and their images, comments, likes, follows, blocks, notifications, sessions,
    // identities, uploads, reset links…
    await tx.user.delete({ where: { id: viewer.userId } });
    // …and the counters of other people and posts that counted them are recounted.
    await recountCounters(tx, touched);
    return { sessionIds: userSessions.map((s) => s.id), fileKeys: uploads.map((u) => u.key) };
  });
  await publishSessionsRevoked(deps.bus, sessionIds);
  // Files last: were the transaction rolled back, no file the account still uses is gone.
  await Promise.all(fileKeys.map((key) => deps.storage.delete(key)));
}
