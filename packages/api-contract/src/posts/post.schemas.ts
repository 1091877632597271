import { z } from "zod";
import { ZFileIds, ZSharedFile } from "../files/file.schemas.js";
import { ZModerationMark } from "../moderation/moderation.schemas.js";
import { serverMessages as m } from "../messages.js";
import { ZHandle, ZPublicUser } from "../users/user.schemas.js";
import { INT4_MAX, ZClientId, ZDbId } from "../common/common.schemas.js";
import { POST_TITLE_MAX, POST_BODY_MAX, POST_IMAGES_MAX, feedKinds } from "./post.constants.js";
export { POST_TITLE_MAX, POST_BODY_MAX, POST_IMAGES_MAX, feedKinds } from "./post.constants.js";

export const ZPostId = ZDbId;

/** An image of a post; `id` is what `imageIds` takes when the post is edited. */
export const ZPostImage = z.object({
  id: z.uuid(),
  url: z.string(),
  /** A square thumbnail of it (256 px), for lists. */
  thumbUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type TPostImage = z.infer<typeof ZPostImage>;

/** What POST /uploads/post-image answers: the id to pass in `imageIds`. */
export type TUploadedImage = TPostImage;

export const ZPostSummary = z.object({
  id: ZPostId,
  title: z.string(),
  /**
   * The body's start as one line of plain text (`plainExcerpt`): what a list shows.
   * Lists never carry whole bodies (up to 40,000 characters each); `post.byId` does.
   */
  excerpt: z.string(),
  createdAt: z.date(),
  /** Later than createdAt once the author edited the post. */
  updatedAt: z.date(),
  author: ZPublicUser,
  images: z.array(ZPostImage),
  likeCount: z.number().int(),
  commentCount: z.number().int(),
  viewCount: z.number().int(),
  /** Whether the viewer likes it (false for anonymous readers and in live events). */
  likedByMe: z.boolean(),
  /** Hidden from others by moderators (or held for review): only its author sees it, with why. */
  moderation: ZModerationMark.nullish(),
});
export type TPostSummary = z.infer<typeof ZPostSummary>;

/** One post, whole: its Markdown body and its files besides what a list shows. */
export const ZPost = ZPostSummary.extend({ body: z.string(), files: z.array(ZSharedFile) });
export type TPost = z.infer<typeof ZPost>;

export const ZFeedKind = z.enum(feedKinds);
export type TFeedKind = z.infer<typeof ZFeedKind>;

/** Opaque to clients: `<id>` for Latest/Following, `<likeCount>.<id>` for Popular. */
export const ZFeedCursor = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,10})?$/, m.invalidCursor)
  .refine((cursor) => cursor.split(".").every((part) => Number(part) <= INT4_MAX), m.invalidCursor);

export const ZFeedInput = z.object({
  kind: ZFeedKind.default("latest"),
  /** The nextCursor of the previous page; omitted for the first page. */
  cursor: ZFeedCursor.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
  /** Only this person's posts (the profile page; Latest order). */
  authorHandle: ZHandle.optional(),
});
export type TFeedInput = z.infer<typeof ZFeedInput>;

export const ZFeedPage = z.object({
  items: z.array(ZPostSummary),
  nextCursor: ZFeedCursor.nullable(),
});
export type TFeedPage = z.infer<typeof ZFeedPage>;

const ZTitle = z.string().trim().min(1, m.titleRequired).max(POST_TITLE_MAX);
const ZBody = z.string().trim().min(1, m.bodyRequired).max(POST_BODY_MAX);
/** Uploaded post images (from POST /uploads/post-image), in the order to show them. */
const ZImageIds = z
  .array(z.uuid())
  .max(POST_IMAGES_MAX, m.tooManyImages)
  .refine((ids) => new Set(ids).size === ids.length, m.tooManyImages)
  .default([]);

export const ZCreatePostInput = z.object({
  title: ZTitle,
  body: ZBody,
  imageIds: ZImageIds,
  /** Shared files (PDF, ZIP, text and code) from POST /uploads/file; none when omitted. */
  fileIds: ZFileIds.optional(),
  clientId: ZClientId.optional(),
});
export type TCreatePostInput = z.infer<typeof ZCreatePostInput>;

export const ZUpdatePostInput = z.object({
  id: ZPostId,
  title: ZTitle,
  body: ZBody,
  imageIds: ZImageIds,
  /** The post's files after the edit; omitted: the files stay as they are. */
  fileIds: ZFileIds.optional(),
});
export type TUpdatePostInput = z.infer<typeof ZUpdatePostInput>;

export const ZPostRef = z.object({ id: ZPostId });

export const ZLikeState = z.object({ liked: z.boolean(), likeCount: z.number().int() });
export type TLikeState = z.infer<typeof ZLikeState>;

export const ZOnPostCreatedInput = z.object({
  /** Set by the client on reconnect (tRPC's tracked() id): resume after this post. */
  lastEventId: z
    .string()
    .regex(/^\d{1,10}$/)
    .refine((id) => Number(id) <= INT4_MAX)
    .nullish(),
});
export type TOnPostCreatedInput = z.infer<typeof ZOnPostCreatedInput>;

/** An open post, live: its counts as they move (`comments`: refetch the comments), or its deletion. */
export const ZPostChange = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("counts"),
    postId: ZPostId,
    likeCount: z.number().int(),
    commentCount: z.number().int(),
    viewCount: z.number().int(),
    comments: z.boolean(),
  }),
  z.object({ kind: z.literal("deleted"), postId: ZPostId }),
]);
export type TPostChange = z.infer<typeof ZPostChange>;

/** A post that left every list. */
export const ZPostDeleted = z.object({ postId: ZPostId });
export type TPostDeleted = z.infer<typeof ZPostDeleted>;
