import {
  AppError,
  serverMessages as m,
  type TDevice,
  type TSignInInput,
  type TStartedSession,
} from "@orgo/api-contract";
import { enforce, limits } from "../../../platform/rate-limit/limits.js";
import type { AuthDeps } from "../auth-deps.js";
import { verifyAgainstDummy, verifyPassword } from "../password.js";
import { startSession } from "../start-session.js";
import { trustedDeviceOf } from "../trusted-devices.js";

/** E-mail and password; a failure says only "wrong e-mail or password", in the same time either way. */
export async function signIn(deps: AuthDeps, input: TSignInInput, device: TDevice): Promise<TStartedSession> {
  // A browser that signed in to this account before keeps its own allowance, so a
  // distributed guesser who locks the account for everyone else cannot lock out its
  // owner. Counted before the password is checked: guessing costs either way.
  const trusted = await trustedDeviceOf(deps, input.email, device);
  await enforce(deps.limiter, [
    [`signin:ip:${device.ip}`, limits.signInPerIp],
    trusted
      ? [`signin:device:${trusted}`, limits.signInPerAccount]
      : [`signin:account:${input.email}`, limits.signInPerAccount],
  ]);
  const user = await deps.db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !ok) throw new AppError("UNAUTHENTICATED", m.wrongCredentials);
  return startSession(deps, user.id, device, { trustedAlready: trusted !== null });
}
