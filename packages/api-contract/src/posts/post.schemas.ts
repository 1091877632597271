import { z } from "zod";
import { serverMessages as m } from "../messages.js";
import { ZHandle, ZPublicUser } from "../users/user.schemas.js";

export const POST_TITLE_MAX = 200;
export const POST_BODY_MAX = 40_000;

export const ZPostId = z.number().int().positive();

export const ZPostSummary = z.object({
  id: ZPostId,
  title: z.string(),
  body: z.string(),
  createdAt: z.date(),
  author: ZPublicUser,
});
export type TPostSummary = z.infer<typeof ZPostSummary>;

export const ZLatestFeedInput = z.object({
  /** The id of the last post already shown; omitted for the first page. */
  cursor: ZPostId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
  /** Only this person's posts (the profile page). */
  authorHandle: ZHandle.optional(),
});
export type TLatestFeedInput = z.infer<typeof ZLatestFeedInput>;

export const ZFeedPage = z.object({
  items: z.array(ZPostSummary),
  nextCursor: ZPostId.nullable(),
});
export type TFeedPage = z.infer<typeof ZFeedPage>;

export const ZCreatePostInput = z.object({
  title: z.string().trim().min(1, m.titleRequired).max(POST_TITLE_MAX),
  body: z.string().trim().min(1, m.bodyRequired).max(POST_BODY_MAX),
});
export type TCreatePostInput = z.infer<typeof ZCreatePostInput>;

export const ZOnPostCreatedInput = z.object({
  /** Set by the client on reconnect (tRPC's tracked() id): resume after this post. */
  lastEventId: z.string().regex(/^\d+$/).nullish(),
});
export type TOnPostCreatedInput = z.infer<typeof ZOnPostCreatedInput>;
