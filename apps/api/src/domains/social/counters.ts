import type { CounterScope, Prisma } from "@orgo/db";

/** Whose counters a user's rows feed: what to recount once a deletion has cascaded through them. */
export async function countersTouchedBy(tx: Prisma.TransactionClient, userId: string): Promise<Required<CounterScope>> {
  const [follows, likes, comments, memberships, rated] = await Promise.all([
    tx.follow.findMany({
      where: { OR: [{ followerId: userId }, { followeeId: userId }] },
      select: { followerId: true, followeeId: true },
    }),
    tx.postLike.findMany({ where: { userId }, select: { postId: true } }),
    tx.comment.findMany({ where: { authorId: userId }, select: { postId: true } }),
    tx.studyMember.findMany({ where: { userId }, select: { studyId: true } }),
    // The meetings they rated go with them: their mentors' averages are recounted.
    tx.mentorMeeting.findMany({ where: { learnerId: userId, rating: { not: null } }, select: { mentorId: true } }),
  ]);
  return {
    userIds: [...new Set(follows.flatMap((f) => [f.followerId, f.followeeId]))].filter((id) => id !== userId),
    postIds: [...new Set([...likes, ...comments].map((r) => r.postId))],
    studyIds: memberships.map((r) => r.studyId),
    mentorIds: [...new Set(rated.map((r) => r.mentorId))],
  };
}
