import { z } from "zod";

export const ZHandle = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_]{3,30}$/, "3–30 characters: a-z, 0-9 and _");

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
