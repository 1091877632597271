import type { TRole } from "@orgo/api-contract";
import type { Db } from "@orgo/db";

const known = new Set<string>(["member", "moderator", "admin"]);

/** A person's role now (anything unknown reads as a member: the least power). */
export async function roleOf(db: Db, userId: string): Promise<TRole> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user && known.has(user.role) ? (user.role as TRole) : "member";
}
