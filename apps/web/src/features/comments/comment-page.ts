/** Threads per page of a post's comments: one number, so every cache update finds the same list. */
export const COMMENT_PAGE = 20;
