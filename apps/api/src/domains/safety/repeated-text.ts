import { createHash } from "node:crypto";
import { AppError, serverMessages as m } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";

/** The same text by the same person within this long is refused. */
const REPEAT_WINDOW_MS = 24 * 3600_000;
/**
 * Comments and chat messages shorter than this repeat naturally ("ok", "Thanks!",
 * "+1" under two posts): only longer ones count. A post always counts.
 */
export const REPEATED_MESSAGE_MIN_CHARS = 30;

/** Whether a text of this kind is checked for repeats at all. */
const repeatsMatter = (kind: "post" | "comment" | "message", text: string) =>
  kind === "post" || text.trim().length >= REPEATED_MESSAGE_MIN_CHARS;

/** The refusal of a repeated text (callers recognise it to answer a retry instead). */
export const isRepeatedText = (error: unknown) => error instanceof AppError && error.message === m.duplicateText;

const fingerprint = (text: string) =>
  createHash("sha256").update(text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()).digest("base64url");

/**
 * Refuses a text its author already posted (same kind) within a day, in the writing
 * transaction: of two identical posts sent at once, one is refused. Whitespace and
 * case do not make a text new.
 */
export async function refuseRepeatedText(
  tx: Prisma.TransactionClient,
  input: { userId: string; kind: "post" | "comment" | "message"; text: string; at: Date },
): Promise<void> {
  if (!repeatsMatter(input.kind, input.text)) return;
  const since = new Date(input.at.getTime() - REPEAT_WINDOW_MS);
  const rows = await tx.$queryRaw<{ at: Date }[]>`
    insert into "RecentText" ("userId", "kind", "hash", "at")
    values (${input.userId}::uuid, ${input.kind}, ${fingerprint(input.text)}, ${input.at})
    on conflict ("userId", "kind", "hash") do update set "at" = excluded."at"
      where "RecentText"."at" < ${since}
    returning "at"`;
  if (rows.length === 0) throw new AppError("CONFLICT", m.duplicateText);
}

/** Forgets texts older than the window (the hourly sweep). */
export async function sweepRecentTexts(db: Prisma.TransactionClient, at: Date): Promise<number> {
  return db.recentText
    .deleteMany({ where: { at: { lt: new Date(at.getTime() - REPEAT_WINDOW_MS) } } })
    .then((r) => r.count);
}
