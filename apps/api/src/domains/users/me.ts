import type { TMe, TOAuthProvider } from "@orgo/api-contract";
import type { Db, Prisma } from "@orgo/db";

const meSelect = {
  id: true,
  handle: true,
  displayName: true,
  avatarUrl: true,
  bio: true,
  email: true,
  passwordHash: true,
  oauthAccounts: { select: { provider: true }, orderBy: { provider: "asc" } },
} as const;

/** The viewer's own view of their account; null when the user is gone. */
export async function loadMe(db: Db | Prisma.TransactionClient, userId: string): Promise<TMe | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: meSelect });
  if (!user) return null;
  const { passwordHash, oauthAccounts, ...rest } = user;
  return {
    ...rest,
    hasPassword: passwordHash !== null,
    linkedProviders: oauthAccounts.map((a) => a.provider as TOAuthProvider),
  };
}
