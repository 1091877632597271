import type { Db } from "../client.js";
import { demoPosts, demoUsers } from "./demo-data.js";

/**
 * Idempotent: users are upserted by handle and the demo posts are only written
 * into an empty database, so running it on every start changes nothing twice.
 */
export async function seedDemoData(db: Db): Promise<{ users: number; posts: number }> {
  return db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const user of demoUsers) {
      const row = await tx.user.upsert({
        where: { handle: user.handle },
        update: {},
        create: { ...user },
        select: { id: true },
      });
      ids.set(user.handle, row.id);
    }
    if ((await tx.post.count()) > 0) return { users: demoUsers.length, posts: 0 };
    // Spread creation times over the past days so the feed looks lived in.
    const now = Date.now();
    await tx.post.createMany({
      data: demoPosts.map((post, index) => ({
        authorId: ids.get(post.author)!,
        title: post.title,
        body: post.body,
        createdAt: new Date(now - (demoPosts.length - index) * 5 * 3600_000),
      })),
    });
    return { users: demoUsers.length, posts: demoPosts.length };
  });
}

export const DEMO_USER_HANDLE = "demo";
