import { z } from "zod";
import { ZModerationMark } from "../moderation/moderation.schemas.js";
import { serverMessages as m } from "../messages.js";
import { ZPublicUser } from "../users/user.schemas.js";
import { ZClientId, ZDbId } from "../common/common.schemas.js";

export const COMMENT_BODY_MAX = 10_000;
const ZCommentBody = z.string().trim().min(1, m.commentRequired).max(COMMENT_BODY_MAX, m.commentTooLong);

export const ZComment = z.object({
  id: z.number().int(),
  postId: z.number().int(),
  parentId: z.number().int().nullable(),
  /** Null when deleted: the row stays as a "deleted" placeholder while replies remain. */
  author: ZPublicUser.nullable(),
  body: z.string(),
  deleted: z.boolean(),
  /** Hidden by moderators: a placeholder for others; its author sees it with `moderation`. */
  hidden: z.boolean().optional(),
  moderation: ZModerationMark.nullish(),
  createdAt: z.date(),
  edited: z.boolean(),
  /** People who like it; 0 on a deleted or hidden placeholder. */
  likeCount: z.number().int(),
  /** Whether the viewer likes it (false for anonymous readers). */
  likedByMe: z.boolean(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZCommentThread = ZComment.extend({ replies: z.array(ZComment), replyCount: z.number().int() });
export type TCommentThread = z.infer<typeof ZCommentThread>;

export const ZCommentListInput = z.object({
  postId: ZDbId,
  cursor: ZDbId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TCommentListInput = z.infer<typeof ZCommentListInput>;

export const ZCommentPage = z.object({ items: z.array(ZCommentThread), nextCursor: z.number().int().nullable() });
export type TCommentPage = z.infer<typeof ZCommentPage>;

export const ZCreateCommentInput = z.object({
  postId: ZDbId,
  parentId: ZDbId.nullish(),
  body: ZCommentBody,
  /** See ZClientId: a retry with the same id answers the stored comment. */
  clientId: ZClientId.optional(),
});
export type TCreateCommentInput = z.infer<typeof ZCreateCommentInput>;

export const ZUpdateCommentInput = z.object({ id: ZDbId, body: ZCommentBody });
export type TUpdateCommentInput = z.infer<typeof ZUpdateCommentInput>;

export const ZCommentRef = z.object({ id: ZDbId });
