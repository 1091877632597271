import type { Db, Prisma } from "@orgo/db";

/** True when either of the two blocked the other (a block in either direction stops everything between them). */
export async function blockedBetween(client: Prisma.TransactionClient | Db, a: string, b: string): Promise<boolean> {
  const count = await client.block.count({
    where: {
      OR: [
        { blockerId: a, blockedId: b },
        { blockerId: b, blockedId: a },
      ],
    },
  });
  return count > 0;
}

/** Everyone who blocked this person or whom they blocked. */
export async function blockedWith(db: Db, userId: string): Promise<string[]> {
  const rows = await db.block.findMany({
    where: { OR: [{ blockerId: userId }, { blockedId: userId }] },
    select: { blockerId: true, blockedId: true },
  });
  return rows.map((b) => (b.blockerId === userId ? b.blockedId : b.blockerId));
}
