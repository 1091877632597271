import {
  CHAT_QUOTE_CHARS,
  CHAT_REACTORS_SHOWN,
  plainExcerpt,
  type TChatMessage,
  type TMessageReaction,
  type TReplyQuote,
} from "@orgo/api-contract";
import { isHiddenContent } from "../visibility/visibility.js";
import type { Prisma } from "@orgo/db";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { publicUserSelect } from "../users/public-user.js";
import { orderedImagesSelect, toImages } from "../posts/post-images.js";
import { orderedFilesSelect, toFiles } from "../posts/shared-files.js";

const authorSelect = { ...publicUserSelect, contentHiddenAt: true } as const;

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
  author: { select: authorSelect },
  images: orderedImagesSelect,
  files: orderedFilesSelect,
  // Oldest first: chips keep the order emoji were first used in, names the order people reacted.
  reactions: { select: { emoji: true, user: { select: publicUserSelect } }, orderBy: { createdAt: "asc" } },
  replyTo: { select: { seq: true, body: true, deletedAt: true, hiddenAt: true, author: { select: authorSelect } } },
  pin: { select: { messageId: true } },
  preview: { select: { url: true, title: true, description: true, siteName: true, imageKey: true } },
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
  return {
    roomId: row.roomId,
    seq: row.seq,
    changeSeq: row.changeSeq,
    author: publicAuthor(row.author),
    clientId: row.clientId,
    body: gone ? "" : row.body,
    createdAt: row.createdAt,
    edited: row.editedAt !== null,
    deleted: row.deletedAt !== null,
    hidden,
    images: gone ? [] : toImages(row.images, storage),
    files: gone ? [] : toFiles(row.files, storage),
    reactions: gone ? [] : groupReactions(row.reactions),
    replyTo: gone || !row.replyTo ? null : quoteOf(row.replyTo),
    pinned: !gone && row.pin !== null,
    preview:
      gone || !row.preview
        ? null
        : {
            url: row.preview.url,
            title: row.preview.title,
            description: row.preview.description,
            siteName: row.preview.siteName,
            imageUrl: row.preview.imageKey ? storage.urlOf(row.preview.imageKey) : null,
          },
  };
}

function publicAuthor(author: MessageRow["author"]): TChatMessage["author"] {
  return author
    ? { id: author.id, handle: author.handle, displayName: author.displayName, avatarUrl: author.avatarUrl }
    : null;
}

/** The answered message as quoted: its words only while it is still there for everyone. */
function quoteOf(original: NonNullable<MessageRow["replyTo"]>): TReplyQuote {
  const gone = original.deletedAt !== null || isHiddenContent(original);
  return {
    seq: original.seq,
    author: publicAuthor(original.author),
    excerpt: gone ? "" : plainExcerpt(original.body, CHAT_QUOTE_CHARS),
    gone,
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
