import type { Prisma } from "@orgo/db";

/** Who and what will need their counters recounted once a user's rows are gone. */
export async function countersTouchedBy(tx: Prisma.TransactionClient, userId: string) {
  const [follows, likes, comments, memberships] = await Promise.all([
    tx.follow.findMany({
      where: { OR: [{ followerId: userId }, { followeeId: userId }] },
      select: { followerId: true, followeeId: true },
    }),
    tx.postLike.findMany({ where: { userId }, select: { postId: true } }),
    tx.comment.findMany({ where: { authorId: userId }, select: { postId: true } }),
    tx.studyMember.findMany({ where: { userId }, select: { studyId: true } }),
  ]);
  // Studies they lead stay, closed and leaderless (the foreign key sets the leader to null).
  await tx.study.updateMany({
    where: { leaderId: userId, recruitingClosedAt: null },
    data: { recruitingClosedAt: new Date() },
  });
  return {
    userIds: [...new Set(follows.flatMap((f) => [f.followerId, f.followeeId]))].filter((id) => id !== userId),
    postIds: [...new Set([...likes, ...comments].map((r) => r.postId))],
    studyIds: memberships.map((r) => r.studyId),
  };
}

/**
 * Recounts from the rows themselves, for the rare writes that remove rows in bulk
 * (an account's deletion cascades through follows, likes and comments). Everyday
 * writes adjust the counters by one in their own transaction instead.
 */
export async function recount(
  tx: Prisma.TransactionClient,
  touched: { userIds: string[]; postIds: number[]; studyIds: number[] },
) {
  if (touched.studyIds.length) {
    await tx.$executeRaw`
      update "Study" s set "memberCount" = (select count(*) from "StudyMember" m where m."studyId" = s.id)
      where s.id = any(${touched.studyIds})`;
  }
  if (touched.userIds.length) {
    await tx.$executeRaw`
      update "User" u set
        "followerCount" = (select count(*) from "Follow" f where f."followeeId" = u.id),
        "followingCount" = (select count(*) from "Follow" f where f."followerId" = u.id)
      where u.id = any(${touched.userIds}::uuid[])`;
  }
  if (touched.postIds.length) {
    await tx.$executeRaw`
      update "Post" p set
        "likeCount" = (select count(*) from "PostLike" l where l."postId" = p.id),
        "commentCount" = (select count(*) from "Comment" c where c."postId" = p.id and c."deletedAt" is null)
      where p.id = any(${touched.postIds})`;
  }
}
