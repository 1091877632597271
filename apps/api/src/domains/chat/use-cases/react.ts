import {
  AppError,
  CHAT_REACTIONS_MAX,
  serverMessages as m,
  type TChatMessage,
  type TReactionInput,
  type TViewer,
} from "@orgo/api-contract";
import { enforce, limits } from "../../../platform/rate-limit/limits.js";
import type { ChatDeps } from "../chat-deps.js";
import { changeAsMember } from "../member-change.js";

/**
 * Adds (`on`) or takes back my reaction to a message: any member, on a message still
 * there, a change of the message like an edit (docs/chat.md, "Reactions"). Idempotent:
 * a reaction already there (or already gone) changes nothing and publishes nothing.
 */
export async function react(
  deps: ChatDeps,
  viewer: TViewer,
  { emoji, ...ref }: TReactionInput,
  on: boolean,
): Promise<TChatMessage> {
  await enforce(deps.limiter, [[`chat-react:${viewer.userId}`, limits.reactionsPerUser]]);
  return changeAsMember(deps, viewer, ref, async (tx, { id: messageId }) => {
    const mine = { messageId, userId: viewer.userId, emoji };
    if (!on) return (await tx.chatReaction.deleteMany({ where: mine })).count > 0;
    const emojis = await tx.chatReaction.findMany({
      where: { messageId },
      distinct: ["emoji"],
      select: { emoji: true },
    });
    if (emojis.length >= CHAT_REACTIONS_MAX && !emojis.some((r) => r.emoji === emoji)) {
      throw new AppError("CONFLICT", m.tooManyReactions);
    }
    return (await tx.chatReaction.createMany({ data: [mine], skipDuplicates: true })).count > 0;
  });
}
