import { z } from "zod";
import { ZPostSummary } from "../posts/post.schemas.js";
import { ZPublicUser } from "../users/user.schemas.js";
import { ZStudy } from "../studies/study.schemas.js";
import { searchKinds } from "./search.constants.js";
export { searchKinds } from "./search.constants.js";

/**
 * What can be searched: a new kind is a new entry here, a counter and a page
 * function on the server, and a tab in the client.
 */
export const ZSearchKind = z.enum(searchKinds);
export type TSearchKind = z.infer<typeof ZSearchKind>;

export const SEARCH_TERM_MAX = 100;
/** Trimmed, spaces collapsed, lower-cased, Unicode-normalised: the same term however typed. */
export const ZSearchTerm = z
  .string()
  .transform((q) => q.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase())
  .pipe(z.string().min(1).max(SEARCH_TERM_MAX));

export const ZSearchInput = z.object({
  q: ZSearchTerm,
  /** 1-based page of a ranked list. */
  page: z.number().int().min(1).max(50).default(1),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TSearchInput = z.infer<typeof ZSearchInput>;

export const ZPostHit = ZPostSummary.extend({
  /** A part of the body around the first match (or its start). */
  snippet: z.string(),
});
export type TPostHit = z.infer<typeof ZPostHit>;

export const ZPersonHit = ZPublicUser.extend({ bio: z.string() });
export type TPersonHit = z.infer<typeof ZPersonHit>;

export const ZPostHits = z.object({ items: z.array(ZPostHit), total: z.number().int() });
export const ZPersonHits = z.object({ items: z.array(ZPersonHit), total: z.number().int() });
export const ZStudyHits = z.object({ items: z.array(ZStudy), total: z.number().int() });
export type TStudyHits = z.infer<typeof ZStudyHits>;
export type TPostHits = z.infer<typeof ZPostHits>;
export type TPersonHits = z.infer<typeof ZPersonHits>;

export const ZSearchCounts = z.record(ZSearchKind, z.number().int());
export type TSearchCounts = z.infer<typeof ZSearchCounts>;

export const ZSearchTermInput = z.object({ q: ZSearchTerm });

export const ZTrendingTerm = z.object({ term: z.string(), count: z.number().int() });
export type TTrendingTerm = z.infer<typeof ZTrendingTerm>;
