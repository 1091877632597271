import { AppError, serverMessages as m, type TDevice } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import type { SessionService } from "../../platform/sessions/session.service.js";

interface SuspensionColumns {
  suspendedAt: Date | null;
  suspendedUntil: Date | null;
  suspensionReason: string | null;
}

/** A suspension in force at `at` (one that ran out no longer counts, whether or not its job ran yet). */
export const isSuspended = (user: SuspensionColumns, at: Date) =>
  user.suspendedAt !== null && (user.suspendedUntil === null || user.suspendedUntil > at);

/** The refusal a suspended person gets: until when, and why. */
const suspendedError = (user: SuspensionColumns) =>
  new AppError("FORBIDDEN", m.accountSuspended, {
    suspension: { until: user.suspendedUntil?.toISOString() ?? null, reason: user.suspensionReason ?? "" },
  });

/**
 * Opens a session unless the person is suspended. The person's row is read FOR SHARE:
 * a suspension being decided (which locks it FOR UPDATE, then ends every session)
 * waits for this sign-in and ends its session too, or this sign-in waits for the
 * suspension and is refused. Either way no session outlives a suspension.
 */
export function sessionUnlessSuspended(
  deps: { db: Db; sessions: SessionService; now: () => Date },
  userId: string,
  device: Pick<TDevice, "userAgent" | "ip">,
) {
  return deps.db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<SuspensionColumns[]>`
      select "suspendedAt", "suspendedUntil", "suspensionReason" from "User" where id = ${userId}::uuid for share`;
    if (user && isSuspended(user, deps.now())) throw suspendedError(user);
    return deps.sessions.create(userId, device, tx);
  });
}
