import { CHAT_REACTORS_SHOWN, type TChatMessage, type TMessageReaction } from "@orgo/api-contract";
import { isHiddenContent } from "../visibility/visibility.js";
import type { Prisma } from "@orgo/db";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { publicUserSelect } from "../users/public-user.js";
import { orderedImagesSelect, toImages } from "../posts/post-images.js";

/** What a message is read with, wherever it is read. */
export const messageSelect = {
  roomId: true,
  seq: true,
  changeSeq: true,
  clientId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  author: { select: { ...publicUserSelect, contentHiddenAt: true } },
  images: orderedImagesSelect,
  // Oldest first: chips keep the order emoji were first used in, names the order people reacted.
  reactions: { select: { emoji: true, user: { select: publicUserSelect } }, orderBy: { createdAt: "asc" } },
} as const;

export type MessageRow = Prisma.ChatMessageGetPayload<{ select: typeof messageSelect }>;

/**
 * A message as members see it: a deleted one keeps its place without its text or
 * pictures, and so does one hidden by moderators (for everyone: a room's members
 * share one stream; its author sees it in the decision's notice).
 */
export function shapeMessage(row: MessageRow, storage: FileStorage): TChatMessage {
  const hidden = isHiddenContent(row);
  const gone = row.deletedAt !== null || hidden;
  const author = row.author;
  return {
    roomId: row.roomId,
    seq: row.seq,
    changeSeq: row.changeSeq,
    author: author
      ? { id: author.id, handle: author.handle, displayName: author.displayName, avatarUrl: author.avatarUrl }
      : null,
    clientId: row.clientId,
    body: gone ? "" : row.body,
    createdAt: row.createdAt,
    edited: row.editedAt !== null,
    deleted: row.deletedAt !== null,
    hidden,
    images: gone ? [] : toImages(row.images, storage),
    reactions: gone ? [] : groupReactions(row.reactions),
  };
}

/** One chip per emoji, in the order each was first used, naming its first reactors. */
function groupReactions(rows: MessageRow["reactions"]): TMessageReaction[] {
  const byEmoji = new Map<string, TMessageReaction>();
  for (const { emoji, user } of rows) {
    let reaction = byEmoji.get(emoji);
    if (!reaction) byEmoji.set(emoji, (reaction = { emoji, count: 0, users: [], userIds: [] }));
    reaction.count++;
    reaction.userIds.push(user.id);
    if (reaction.users.length < CHAT_REACTORS_SHOWN) reaction.users.push(user);
  }
  return [...byEmoji.values()];
}
