/**
 * The columns a post summary needs: one select shape for every feed query. Prisma
 * returns exactly the TPostSummary shape, so rows go out as they are.
 */
export const postSummarySelect = {
  id: true,
  title: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, handle: true, displayName: true, avatarUrl: true } },
} as const;
