import { z } from "zod";
import { serverMessages as m } from "../messages.js";
import { HANDLE_PATTERN } from "./mentions.js";

export const ZHandle = z.string().trim().toLowerCase().regex(HANDLE_PATTERN, m.handleFormat);
export const ZDisplayName = z.string().trim().min(1, m.nameRequired).max(50, m.nameTooLong);
export const BIO_MAX = 300;
export const ZBio = z.string().trim().max(BIO_MAX, m.bioTooLong);

/**
 * What anybody may see of a user. It has no e-mail on purpose: zod drops unknown
 * keys, so this schema is what keeps private fields off the wire.
 */
export const ZPublicUser = z.object({
  id: z.string(),
  handle: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
});
export type TPublicUser = z.infer<typeof ZPublicUser>;

/** A profile page's header: public fields only. */
export const ZProfile = ZPublicUser.extend({
  bio: z.string(),
  joinedAt: z.date(),
  postCount: z.number().int(),
  followerCount: z.number().int(),
  followingCount: z.number().int(),
  isMe: z.boolean(),
  /** The viewer follows them / they follow the viewer / the viewer blocked them. */
  followedByMe: z.boolean(),
  followsMe: z.boolean(),
  blockedByMe: z.boolean(),
  /** Name, bio and picture hidden by moderators (shown to the person themselves). */
  hidden: z.boolean().optional(),
});
export type TProfile = z.infer<typeof ZProfile>;

/** Someone a newcomer might follow (user.recommended): public fields and why. */
export const ZRecommendedPerson = ZPublicUser.extend({
  bio: z.string(),
  followerCount: z.number().int(),
  postCount: z.number().int(),
  /** Their latest post or comment (null: none yet): "active 2 days ago". */
  activeAt: z.date().nullable(),
});
export type TRecommendedPerson = z.infer<typeof ZRecommendedPerson>;

export const ZProfileInput = z.object({ handle: ZHandle });

export const ZUpdateProfileInput = z.object({
  handle: ZHandle,
  displayName: ZDisplayName,
  bio: ZBio,
});
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;

/** What the avatar upload route answers. */
export const ZAvatarUploaded = z.object({ avatarUrl: z.string() });
export type TAvatarUploaded = z.infer<typeof ZAvatarUploaded>;

/** "This person's profile changed, refetch it" (follower counts, "follows you", name). */
export const ZProfileSignal = z.object({ userId: z.uuid() });
export type TProfileSignal = z.infer<typeof ZProfileSignal>;

/** What I typed after "@": people whose handle or name starts with it (empty: people I follow). */
export const ZSuggestPeopleInput = z.object({ q: z.string().trim().max(30).default("") });
export type TSuggestPeopleInput = z.infer<typeof ZSuggestPeopleInput>;
