import { z } from "zod";
import { router, authedProcedure } from "../trpc.js";
import { neverAborted, parseOnce, presentLiveItem } from "../live/shared-frames.js";
import {
  ZChatHistory,
  ZChatHistoryInput,
  ZChatInbox,
  ZChatMessage,
  ZChatRoom,
  ZChatSearchInput,
  ZChatSearchPage,
  ZEditMessageInput,
  ZInboxEvent,
  ZMarkReadInput,
  ZMessageRef,
  ZOnRoomInput,
  ZOpenDirectInput,
  ZRoomEvent,
  ZMuteRoomInput,
  ZPinnedMessage,
  ZReactionInput,
  ZRoomRef,
  ZSendMessageInput,
  type TInboxEvent,
} from "../../chat/chat.schemas.js";

// Shared by every subscriber: each event is validated once (parseOnce) and only the
// tracked id wrapper is made per subscriber.
const presentRoomItem = presentLiveItem(ZRoomEvent);
const presentInboxEvent = (event: TInboxEvent) => parseOnce(ZInboxEvent, event);

export const chatRouter = router({
  /** My rooms, latest activity first, with unread counts and the total. */
  inbox: authedProcedure.output(ZChatInbox).query(({ ctx }) => ctx.services.chat.inbox(ctx.viewer)),

  room: authedProcedure
    .input(ZRoomRef)
    .output(ZChatRoom)
    .query(({ ctx, input }) => ctx.services.chat.room(ctx.viewer, input)),

  /** The one room with this person (made the first time): I must follow them, and no block either way. */
  openDirect: authedProcedure
    .input(ZOpenDirectInput)
    .output(ZChatRoom)
    .mutation(({ ctx, input }) => ctx.services.chat.openDirect(ctx.viewer, input)),

  /**
   * A page of messages (oldest first within it): the newest, older ones (`cursor`),
   * newer ones (`cursor`, direction "forward"), or the page around a message (`around`).
   */
  history: authedProcedure
    .input(ZChatHistoryInput)
    .output(ZChatHistory)
    .query(({ ctx, input }) => ctx.services.chat.history(ctx.viewer, input)),

  /** My conversations' messages with these words (a person, a room), newest first. */
  search: authedProcedure
    .input(ZChatSearchInput)
    .output(ZChatSearchPage)
    .query(({ ctx, input }) => ctx.services.chat.search(ctx.viewer, input)),

  /** Exactly once per clientId: a retry answers the stored message. */
  send: authedProcedure
    .input(ZSendMessageInput)
    .output(ZChatMessage)
    .mutation(({ ctx, input }) => ctx.services.chat.send(ctx.viewer, input)),

  edit: authedProcedure
    .input(ZEditMessageInput)
    .output(ZChatMessage)
    .mutation(({ ctx, input }) => ctx.services.chat.edit(ctx.viewer, input)),

  delete: authedProcedure
    .input(ZMessageRef)
    .output(ZChatMessage)
    .mutation(({ ctx, input }) => ctx.services.chat.delete(ctx.viewer, input)),

  /** Adds my reaction (any member, on a message still there); idempotent. At most 20 emoji per message. */
  react: authedProcedure
    .input(ZReactionInput)
    .output(ZChatMessage)
    .mutation(({ ctx, input }) => ctx.services.chat.react(ctx.viewer, input, true)),

  /** Takes my reaction back; idempotent. */
  unreact: authedProcedure
    .input(ZReactionInput)
    .output(ZChatMessage)
    .mutation(({ ctx, input }) => ctx.services.chat.react(ctx.viewer, input, false)),

  /** Pins a message still there (any member); idempotent. At most 50 per room. */
  pin: authedProcedure
    .input(ZMessageRef)
    .output(ZChatMessage)
    .mutation(({ ctx, input }) => ctx.services.chat.pin(ctx.viewer, input, true)),

  /** Unpins: either person of a one-to-one room; in a study room, who pinned it or the leader. Idempotent. */
  unpin: authedProcedure
    .input(ZMessageRef)
    .output(ZChatMessage)
    .mutation(({ ctx, input }) => ctx.services.chat.pin(ctx.viewer, input, false)),

  /** The room's pinned messages, newest pin first. */
  /** The sender only: the message's link preview goes, for good (an edit does not bring it back). */
  removePreview: authedProcedure
    .input(ZMessageRef)
    .output(ZChatMessage)
    .mutation(({ ctx, input }) => ctx.services.chat.removePreview(ctx.viewer, input)),

  pins: authedProcedure
    .input(ZRoomRef)
    .output(z.array(ZPinnedMessage))
    .query(({ ctx, input }) => ctx.services.chat.pins(ctx.viewer, input)),

  markRead: authedProcedure
    .input(ZMarkReadInput)
    .mutation(({ ctx, input }) => ctx.services.chat.markRead(ctx.viewer, input)),

  /** "I am typing": relayed live, never stored; at most one every 3 s counts. */
  typing: authedProcedure.input(ZRoomRef).mutation(({ ctx, input }) => ctx.services.chat.typing(ctx.viewer, input)),

  /** Removes the room from my list only, until a newer message arrives. */
  hide: authedProcedure.input(ZRoomRef).mutation(({ ctx, input }) => ctx.services.chat.hide(ctx.viewer, input)),

  /** Mutes or unmutes a room for me: its messages still count as unread, but are never pushed. */
  mute: authedProcedure
    .input(ZMuteRoomInput)
    .output(ZChatRoom)
    .mutation(({ ctx, input }) => ctx.services.chat.mute(ctx.viewer, input)),

  /**
   * A room, live: every message change since `lastEventId` (once, in order), then
   * live changes, typing and read receipts. Ends when I lose the room.
   */
  onRoom: authedProcedure.input(ZOnRoomInput).subscription(({ ctx, input, signal }) => {
    const afterChangeSeq = input.lastEventId ? Number(input.lastEventId) : null;
    const feed = ctx.services.chat.streamRoom(
      ctx.viewer,
      { roomId: input.roomId, afterChangeSeq },
      signal ?? neverAborted(),
    );
    return feed.map(presentRoomItem);
  }),

  /** My inbox changed: refetch `chat.inbox`. */
  onInbox: authedProcedure.subscription(({ ctx, signal }) =>
    ctx.services.chat.streamInbox(ctx.viewer, signal ?? neverAborted()).map(presentInboxEvent),
  ),
});
