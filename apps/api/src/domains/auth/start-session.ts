import { AppError, serverMessages as m, type TDevice, type TStartedSession } from "@orgo/api-contract";
import { loadMe } from "../users/me.js";
import type { AuthDeps } from "./auth-deps.js";
import { trustDevice } from "./trusted-devices.js";
import { sessionUnlessSuspended } from "../safety/suspension.js";

/**
 * A new session for this browser, and its trusted-device cookie. `trustedAlready`:
 * the browser's device cookie was just checked against this account.
 */
export async function startSession(
  deps: AuthDeps,
  userId: string,
  device: TDevice,
  options: { trustedAlready?: boolean } = {},
): Promise<TStartedSession> {
  const me = await loadMe(deps.db, userId);
  if (!me) throw new AppError("NOT_FOUND", m.noSuchUser);
  const { token, session } = await sessionUnlessSuspended(deps, userId, device);
  const deviceToken = options.trustedAlready ? device.deviceToken! : await trustDevice(deps, userId, device);
  return { token, expiresAt: session.expiresAt, me, deviceToken };
}
