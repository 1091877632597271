import type { TDevice } from "@orgo/api-contract";
import type { AuthDeps } from "./auth-deps.js";
import { boundSecretMatches, newBoundSecret, parseBoundToken } from "./bound-token.js";

/** Trusted browsers kept per account; the oldest beyond this are forgotten. */
const TRUSTED_DEVICES_KEPT = 20;

/** The id of this browser's trusted-device row when it belongs to the account of `email`. */
export async function trustedDeviceOf({ db }: AuthDeps, email: string, device: TDevice): Promise<string | null> {
  const token = parseBoundToken(device.deviceToken);
  if (!token) return null;
  const row = await db.trustedDevice.findUnique({
    where: { id: token.id },
    select: { secretHash: true, user: { select: { email: true } } },
  });
  return row && row.user.email === email && boundSecretMatches(token.secret, row.secretHash) ? token.id : null;
}

/** Remembers this browser as one that signed in to the account (OWASP's device cookie). */
export async function trustDevice({ db }: AuthDeps, userId: string, device: TDevice): Promise<string> {
  const existing = parseBoundToken(device.deviceToken);
  if (existing) {
    const row = await db.trustedDevice.findUnique({ where: { id: existing.id } });
    if (row?.userId === userId && boundSecretMatches(existing.secret, row.secretHash)) return device.deviceToken!;
  }
  const { secret, secretHash } = newBoundSecret();
  const row = await db.trustedDevice.create({ data: { userId, secretHash }, select: { id: true } });
  await db.$executeRaw`
    delete from "TrustedDevice" where "userId" = ${userId}::uuid and id not in (
      select id from "TrustedDevice" where "userId" = ${userId}::uuid order by "createdAt" desc limit ${TRUSTED_DEVICES_KEPT})`;
  return `${row.id}.${secret}`;
}
