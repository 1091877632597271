import { Prisma } from "./generated/prisma/client.js";

/** Which rows' counters to recompute; an omitted list means every row of that table. */
export interface CounterScope {
  userIds?: string[];
  postIds?: number[];
  studyIds?: number[];
  /** Mentors whose rating sum and count to recompute from their meetings' ratings. */
  mentorIds?: string[];
}

/**
 * Recounts the denormalised counters from the rows themselves, for the rare writes
 * that add or remove rows in bulk (the seed, an account's deletion cascading through
 * follows, likes, comments and memberships). Everyday writes move the counters by
 * one in their own transaction instead.
 */
export async function recountCounters(tx: Prisma.TransactionClient, scope: CounterScope = {}): Promise<void> {
  const only = <T>(column: string, ids: T[] | undefined, cast: string) =>
    ids === undefined ? Prisma.sql`true` : Prisma.sql`${Prisma.raw(column)} = any(${ids}::${Prisma.raw(cast)})`;
  if (scope.userIds?.length !== 0) {
    await tx.$executeRaw`
      update "User" u set
        "followerCount" = (select count(*) from "Follow" f where f."followeeId" = u.id),
        "followingCount" = (select count(*) from "Follow" f where f."followerId" = u.id)
      where ${only("u.id", scope.userIds, "uuid[]")}`;
  }
  if (scope.postIds?.length !== 0) {
    await tx.$executeRaw`
      update "Post" p set
        "likeCount" = (select count(*) from "PostLike" l where l."postId" = p.id),
        "commentCount" = (select count(*) from "Comment" c where c."postId" = p.id and c."deletedAt" is null)
      where ${only("p.id", scope.postIds, "int[]")}`;
  }
  if (scope.studyIds?.length !== 0) {
    await tx.$executeRaw`
      update "Study" s set "memberCount" = (select count(*) from "StudyMember" m where m."studyId" = s.id)
      where ${only("s.id", scope.studyIds, "int[]")}`;
  }
  if (scope.mentorIds?.length !== 0) {
    await tx.$executeRaw`
      update "MentorProfile" p set
        "ratingSum" = (select coalesce(sum(m.rating), 0) from "MentorMeeting" m where m."mentorId" = p."userId"),
        "ratingCount" = (select count(m.rating) from "MentorMeeting" m where m."mentorId" = p."userId")
      where ${only('p."userId"', scope.mentorIds, "uuid[]")}`;
  }
}
