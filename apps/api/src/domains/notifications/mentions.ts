import { mentionedHandles } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import { notify } from "./notify.js";

export interface MentionInput {
  /** The item's text (Markdown): a post's title and body, a comment, a message. */
  text: string;
  actorId: string;
  /** groupKeys.mention(...) of the item: one notification per person per item. */
  groupKey: string;
  postId?: number;
  commentId?: number;
  roomId?: number;
  /** People this action notifies already (the post's author of a comment). */
  skip?: string[];
  /** Only these may be notified (a chat room's members: nobody else may read it). */
  onlyAmong?: string[];
}

/**
 * Notifies the people an item mentions, in the item's transaction: once per person
 * per item (an edit notifies only those it newly mentions), never the author, never
 * across a block (notify checks), at most MAX_MENTIONS people. Returns what to publish.
 */
export async function notifyMentions(
  tx: Prisma.TransactionClient,
  input: MentionInput,
): Promise<{ recipientId: string; id: number | null }[]> {
  const handles = mentionedHandles(input.text);
  if (handles.length === 0) return [];
  const people = await tx.user.findMany({ where: { handle: { in: handles } }, select: { id: true } });
  const skip = new Set([input.actorId, ...(input.skip ?? [])]);
  const allowed = input.onlyAmong ? new Set(input.onlyAmong) : null;
  const candidates = people.map((p) => p.id).filter((id) => !skip.has(id) && (!allowed || allowed.has(id)));
  if (candidates.length === 0) return [];
  const told = await tx.notification.findMany({
    where: { groupKey: input.groupKey, recipientId: { in: candidates } },
    select: { recipientId: true },
  });
  const already = new Set(told.map((n) => n.recipientId));
  const changed = [];
  for (const recipientId of candidates.filter((id) => !already.has(id))) {
    const id = await notify(tx, {
      recipientId,
      actorId: input.actorId,
      type: "mention",
      postId: input.postId ?? null,
      commentId: input.commentId ?? null,
      roomId: input.roomId ?? null,
      groupKey: input.groupKey,
    });
    changed.push({ recipientId, id });
  }
  return changed;
}
