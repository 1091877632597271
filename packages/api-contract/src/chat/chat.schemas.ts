import { z } from "zod";
import { serverMessages as m } from "../messages.js";
import { ZPublicUser } from "../users/user.schemas.js";
import { INT4_MAX, ZDbId } from "../common/common.schemas.js";
import { ZPostImage } from "../posts/post.schemas.js";
import { ZSearchTerm } from "../search/search.schemas.js";
import { ZFileIds, ZSharedFile } from "../files/file.schemas.js";
import { CHAT_MESSAGE_MAX, CHAT_IMAGES_MAX, CHAT_SEARCH_PAGE_MAX } from "./chat.constants.js";
export {
  CHAT_MESSAGE_MAX,
  CHAT_IMAGES_MAX,
  CHAT_PINS_MAX,
  CHAT_QUOTE_CHARS,
  CHAT_SEARCH_PAGE_MAX,
  CHAT_REACTIONS_MAX,
  CHAT_REACTORS_SHOWN,
} from "./chat.constants.js";

export const CHAT_PAGE_MAX = 100;
export const chatRoomKinds = ["direct", "study"] as const;

/** One emoji on a message: how many reacted with it, and the first of them by time. */
export const ZMessageReaction = z.object({
  emoji: z.string(),
  count: z.number().int(),
  /** The first CHAT_REACTORS_SHOWN people, oldest first: named on hover. */
  users: z.array(ZPublicUser),
  /** Everyone's id (is mine among them?): the chip is pressed for them. */
  userIds: z.array(z.string()),
});
export type TMessageReaction = z.infer<typeof ZMessageReaction>;

/**
 * What the first link of a message shows: read by the server from the page (Open
 * Graph, else its title and description), its picture fetched and re-encoded by the
 * server and served from /uploads (a reader's browser never asks the linked site).
 */
export const ZLinkPreview = z.object({
  url: z.string(),
  title: z.string(),
  description: z.string(),
  /** The site's name, or its host. */
  siteName: z.string(),
  imageUrl: z.string().nullable(),
});
export type TLinkPreview = z.infer<typeof ZLinkPreview>;

/** The message a reply answers, as quoted above it. */
export const ZReplyQuote = z.object({
  seq: z.number().int(),
  author: ZPublicUser.nullable(),
  /** Its first words as plain text; empty when `gone`. */
  excerpt: z.string(),
  /** Deleted or hidden since: "original deleted" stands in its place. */
  gone: z.boolean(),
});
export type TReplyQuote = z.infer<typeof ZReplyQuote>;

/** A message as members see it; `author` is null once its author deleted their account. */
export const ZChatMessage = z.object({
  roomId: z.number().int(),
  /** Its place in the room: 1, 2, 3… in commit order, no gaps. */
  seq: z.number().int(),
  /** The room's change number of this message's newest change: of two copies, the higher is current. */
  changeSeq: z.number().int(),
  author: ZPublicUser.nullable(),
  /** The sender's own id for it (pending messages are matched by it). */
  clientId: z.string(),
  /** Empty once deleted (a placeholder stays). */
  body: z.string(),
  createdAt: z.date(),
  edited: z.boolean(),
  deleted: z.boolean(),
  /** Hidden by moderators: its place stays, without its words or pictures. */
  hidden: z.boolean(),
  /** Pictures in order (none once deleted). */
  images: z.array(ZPostImage),
  /** Files in order: PDFs, archives, text and code (none once deleted or hidden). */
  files: z.array(ZSharedFile),
  /** Emoji in the order they were first used (none once deleted or hidden). */
  reactions: z.array(ZMessageReaction),
  /** The message this one answers (null when it answers none, or is itself deleted or hidden). */
  replyTo: ZReplyQuote.nullable(),
  /** Pinned in the room (listed by `chat.pins`). */
  pinned: z.boolean(),
  /**
   * Its first link's preview, once the server has read the page (a change of the
   * message, live like an edit); null without a link, while reading, when the page
   * gave nothing, or when the sender removed it.
   */
  preview: ZLinkPreview.nullable(),
});
export type TChatMessage = z.infer<typeof ZChatMessage>;

/** A pinned message, with who pinned it and when (newest pin first). */
export const ZPinnedMessage = z.object({
  message: ZChatMessage,
  pinnedBy: ZPublicUser.nullable(),
  pinnedAt: z.date(),
});
export type TPinnedMessage = z.infer<typeof ZPinnedMessage>;

export const ZChatRoom = z.object({
  id: z.number().int(),
  kind: z.enum(chatRoomKinds),
  /** Direct rooms: the other person. */
  peer: ZPublicUser.nullable(),
  /** Study rooms: the study. */
  study: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  memberCount: z.number().int(),
  lastMessage: ZChatMessage.nullable(),
  /** The newest message's seq (0 when empty). */
  messageSeq: z.number().int(),
  /** Where I stopped reading: the "new messages" divider goes after it. */
  lastReadSeq: z.number().int(),
  unreadCount: z.number().int(),
  /** Direct rooms: the newest message the other person has read ("read" under it). */
  peerReadSeq: z.number().int().nullable(),
  lastMessageAt: z.date().nullable(),
  /** Muted by me: counted, never pushed (no toast, no desktop notification). */
  muted: z.boolean(),
  /** The newest message here that mentions me or answers one of mine (jump to my last mention). */
  lastMentionSeq: z.number().int().nullable(),
});
export type TChatRoom = z.infer<typeof ZChatRoom>;

export const ZChatInbox = z.object({ rooms: z.array(ZChatRoom), unreadTotal: z.number().int() });
export type TChatInbox = z.infer<typeof ZChatInbox>;

export const ZRoomRef = z.object({ roomId: ZDbId });
export type TRoomRef = z.infer<typeof ZRoomRef>;
export const ZOpenDirectInput = z.object({ userId: z.uuid() });
export type TOpenDirectInput = z.infer<typeof ZOpenDirectInput>;

export const ZChatHistoryInput = z.object({
  roomId: ZDbId,
  /** Where the next page starts (a seq); omitted for the first page. */
  cursor: ZDbId.nullish(),
  /**
   * As infinite queries page (tRPC sends it): "forward" (the next page) goes back in
   * time, to messages before `cursor`; "backward" (the previous page) comes back
   * towards the present, to messages after it. Omitted: "forward".
   */
  direction: z.enum(["forward", "backward"]).optional(),
  /**
   * The first page is the newest one, or, with this, the one around this message (a
   * search hit, a link, a pin): half before it, it, and the rest after it.
   */
  around: ZDbId.nullish(),
  limit: z.number().int().min(1).max(CHAT_PAGE_MAX).default(50),
});
export type TChatHistoryInput = z.infer<typeof ZChatHistoryInput>;

export const ZChatHistory = z.object({
  /** Oldest first. */
  items: z.array(ZChatMessage),
  /** Older messages than the page's first. */
  hasMore: z.boolean(),
  /** Newer messages than the page's last (a page around a message, or going forward). */
  hasNewer: z.boolean(),
  /** Where each other member stopped reading ("read" / "read by N" under my messages). */
  reads: z.array(z.object({ userId: z.string(), seq: z.number().int() })),
  /**
   * The room's change number when this page was read: subscribe to `chat.onRoom` with
   * it as `lastEventId`, and nothing that happens after the page is missed.
   */
  headChangeSeq: z.number().int(),
});
export type TChatHistory = z.infer<typeof ZChatHistory>;

const ZMessageBody = z.string().trim().min(1, m.messageRequired).max(CHAT_MESSAGE_MAX, m.messageTooLong);

/** Text, pictures (uploaded through POST /uploads/post-image), files, or several; never nothing. */
export const ZSendMessageInput = z
  .object({
    roomId: ZDbId,
    clientId: z.uuid(),
    body: z.string().trim().max(CHAT_MESSAGE_MAX, m.messageTooLong).default(""),
    imageIds: z
      .array(z.uuid())
      .max(CHAT_IMAGES_MAX, m.tooManyChatImages)
      .refine((ids) => new Set(ids).size === ids.length, m.tooManyChatImages)
      .default([]),
    /** Files uploaded through POST /uploads/file (PDF, ZIP, text and code). */
    fileIds: ZFileIds.default([]),
    /** Answers this message of the same room (quoted above mine; its author is told). */
    replyToSeq: ZDbId.nullish(),
  })
  .superRefine((message, ctx) => {
    if (!message.body && message.imageIds.length === 0 && message.fileIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["body"], message: m.messageRequired });
    }
  });
export type TSendMessageInput = z.infer<typeof ZSendMessageInput>;

export const ZEditMessageInput = z.object({ roomId: ZDbId, seq: ZDbId, body: ZMessageBody });
export type TEditMessageInput = z.infer<typeof ZEditMessageInput>;

export const ZMessageRef = z.object({ roomId: ZDbId, seq: ZDbId });
export type TMessageRef = z.infer<typeof ZMessageRef>;

/**
 * One emoji, as the picker gives it: a single fully-qualified emoji (skin tones and
 * ZWJ sequences included), never text.
 */
export const ZEmoji = z.string().max(32, m.notAnEmoji).regex(singleEmoji(), m.notAnEmoji);

/**
 * Unicode's own list of emoji (`\p{RGI_Emoji}`, the `v` flag: Node 20, current
 * browsers). A browser without the flag checks the pictographic shape instead; the
 * server, which decides, always has it.
 */
function singleEmoji(): RegExp {
  try {
    return new RegExp("^\\p{RGI_Emoji}$", "v");
  } catch {
    return /^\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\p{Emoji_Component}|\p{Extended_Pictographic})*$/u;
  }
}

/** `chat.react` / `chat.unreact`: idempotent, so a retry changes nothing. */
export const ZReactionInput = ZMessageRef.extend({ emoji: ZEmoji });
export type TReactionInput = z.infer<typeof ZReactionInput>;

export const ZMarkReadInput = z.object({ roomId: ZDbId, seq: z.number().int().min(0).max(INT4_MAX) });
export type TMarkReadInput = z.infer<typeof ZMarkReadInput>;

export const ZOnRoomInput = z.object({
  roomId: ZDbId,
  /** tRPC's last event id on reconnect: resume after this change. */
  lastEventId: z
    .string()
    .regex(/^\d{1,10}$/)
    .refine((id) => Number(id) <= INT4_MAX)
    .nullish(),
});

/** What a room's live stream carries: durable message changes, and ephemeral signals. */
export const ZRoomEvent = z.discriminatedUnion("kind", [
  /** A message sent, edited or deleted (the same message shape each time). */
  z.object({ kind: z.literal("message"), message: ZChatMessage }),
  z.object({ kind: z.literal("typing"), user: ZPublicUser }),
  z.object({ kind: z.literal("read"), userId: z.string(), seq: z.number().int() }),
]);
export type TRoomEvent = z.infer<typeof ZRoomEvent>;

/** My inbox changed (a message, a read in another tab, a room gained or lost): refetch it. */
export const ZInboxEvent = z.object({ roomId: z.number().int() });
export type TInboxEvent = z.infer<typeof ZInboxEvent>;

export const ZMuteRoomInput = z.object({ roomId: ZDbId, muted: z.boolean() });
export type TMuteRoomInput = z.infer<typeof ZMuteRoomInput>;

/**
 * Search in my conversations: the rooms of my list (never one I left, or one a block
 * hides), words matched anywhere like post search (Korean partial words included),
 * narrowed to a person and/or a room. Newest first.
 */
export const ZChatSearchInput = z.object({
  q: ZSearchTerm,
  roomId: ZDbId.nullish(),
  /** Messages by this person only. */
  authorId: z.uuid().nullish(),
  /** The next page: hits older than this message id (the previous page's `nextCursor`). */
  cursor: ZDbId.nullish(),
  limit: z.number().int().min(1).max(CHAT_SEARCH_PAGE_MAX).default(20),
});
export type TChatSearchInput = z.infer<typeof ZChatSearchInput>;

export const ZChatSearchHit = z.object({
  roomId: z.number().int(),
  /** The room's name as my list shows it: the study's title, or the other person's name. */
  roomTitle: z.string(),
  roomKind: z.enum(chatRoomKinds),
  seq: z.number().int(),
  author: ZPublicUser.nullable(),
  createdAt: z.date(),
  /** The text around the first match. */
  snippet: z.string(),
});
export type TChatSearchHit = z.infer<typeof ZChatSearchHit>;

export const ZChatSearchPage = z.object({
  items: z.array(ZChatSearchHit),
  nextCursor: z.number().int().nullable(),
});
export type TChatSearchPage = z.infer<typeof ZChatSearchPage>;
