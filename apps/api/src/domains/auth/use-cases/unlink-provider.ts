import { AppError, serverMessages as m, type TUnlinkProviderInput, type TViewer } from "@orgo/api-contract";
import type { AuthDeps } from "../auth-deps.js";

/** Removes a GitHub or Google sign-in; refused when it is the account's last way in. */
export async function unlinkProvider({ db }: AuthDeps, viewer: TViewer, { provider }: TUnlinkProviderInput) {
  await db.$transaction(async (tx) => {
    // Locks the user row: two unlinks at once cannot each leave the other as the last way in.
    await tx.$executeRaw`select 1 from "User" where id = ${viewer.userId}::uuid for update`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.userId },
      select: { passwordHash: true, oauthAccounts: { select: { provider: true } } },
    });
    const others = user.oauthAccounts.filter((a) => a.provider !== provider).length;
    if (!user.passwordHash && others === 0) throw new AppError("CONFLICT", m.lastSignInMethod);
    await tx.oAuthAccount.deleteMany({ where: { userId: viewer.userId, provider } });
  });
}
