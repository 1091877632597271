import { z } from "zod";
import { serverMessages as m } from "../messages.js";
import { ZPublicUser } from "../users/user.schemas.js";

export const ZUserRef = z.object({ userId: z.uuid() });

export const ZFollowState = z.object({ following: z.boolean(), followerCount: z.number().int() });
export type TFollowState = z.infer<typeof ZFollowState>;

/** A row of a followers / following list. */
export const ZPersonRow = ZPublicUser.extend({
  /** This person follows the viewer. */
  followsMe: z.boolean(),
  /** The viewer follows this person. */
  followedByMe: z.boolean(),
});
export type TPersonRow = z.infer<typeof ZPersonRow>;

export const ZPeopleInput = z.object({
  userId: z.uuid(),
  /** nextCursor of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,15}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, m.invalidCursor)
    .nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TPeopleInput = z.infer<typeof ZPeopleInput>;

export const ZPeoplePage = z.object({ items: z.array(ZPersonRow), nextCursor: z.string().nullable() });
export type TPeoplePage = z.infer<typeof ZPeoplePage>;

export const ZBlockedPage = z.object({ items: z.array(ZPublicUser) });
