import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { skipToken } from "@tanstack/react-query";
import type { TChatMessage, TPublicUser, TReplyQuote, TSharedFile, TUploadedImage } from "@orgo/api-contract/schemas";
import { CHAT_QUOTE_CHARS, mentionedHandles, plainExcerpt } from "@orgo/api-contract/constants";
import { trpc } from "../../lib/trpc";

type MessageState = "sent" | "pending" | "failed";
export interface ShownMessage extends TChatMessage {
  state: MessageState;
}

/**
 * The messages with this copy in, unless a later change of it is there already: a
 * mutation's answer may arrive after the stream brought someone else's later change
 * (two people reacting at once).
 */
function newer(old: ReadonlyMap<number, TChatMessage>, message: TChatMessage): ReadonlyMap<number, TChatMessage> {
  const held = old.get(message.seq);
  return held && held.changeSeq > message.changeSeq ? old : new Map(old).set(message.seq, message);
}

/** A typing signal lasts this long without a new one. */
const TYPING_SHOWN_MS = 6_000;
/** The client asks to relay "typing" at most this often (the server drops the rest). */
const TYPING_EVERY_MS = 3_000;

interface Pending {
  clientId: string;
  body: string;
  images: TUploadedImage[];
  files: TSharedFile[];
  createdAt: Date;
  failed: boolean;
  /** The message this one answers, quoted as sent. */
  replyTo: TReplyQuote | null;
}

/**
 * One open conversation: history page by page backwards, then live changes from the
 * change number the first page was read at (so nothing between the two is lost, and
 * reconnects resume from the last tracked id), my unsent messages with their state,
 * who is typing, and where the others stopped reading.
 */
export function useRoom(roomId: number, me: TPublicUser | null, onReactError?: (error: unknown) => void) {
  const utils = trpc.useUtils();
  const room = trpc.chat.room.useQuery({ roomId });
  const pins = trpc.chat.pins.useQuery({ roomId });
  // Where the pages start: the newest (null), or around a message gone to that was not loaded.
  const [anchor, setAnchor] = useState<number | null>(null);
  const history = trpc.chat.history.useInfiniteQuery(
    { roomId, limit: 50, around: anchor },
    {
      getNextPageParam: (page) => (page.hasMore ? page.items[0]?.seq : undefined),
      getPreviousPageParam: (page) => (page.hasNewer ? page.items.at(-1)?.seq : undefined),
      staleTime: Infinity,
    },
  );
  // The pages reach the present (the stream's messages follow on), or stop before it.
  const atPresent = history.data ? !history.data.pages[0]?.hasNewer : true;
  const [live, setLive] = useState<ReadonlyMap<number, TChatMessage>>(new Map());
  const [pending, setPending] = useState<Pending[]>([]);
  const [typing, setTyping] = useState<ReadonlyMap<string, { user: TPublicUser; until: number }>>(new Map());
  const [reads, setReads] = useState<ReadonlyMap<string, number>>(new Map());

  // Where this opening started: the stream resumes from it (whatever page is shown later), the divider sits at it.
  const [startAfter, setStartAfter] = useState<number | null>(null);
  const firstPage = history.data?.pages[0];
  if (startAfter === null && firstPage) {
    setStartAfter(firstPage.headChangeSeq);
    setReads(new Map(firstPage.reads.map((r) => [r.userId, r.seq])));
  }
  const [dividerAfter, setDividerAfter] = useState<number | null>(null);
  if (dividerAfter === null && room.data) setDividerAfter(room.data.lastReadSeq);

  const pinnedSeqs = useRef<ReadonlySet<number>>(new Set());
  useEffect(() => {
    pinnedSeqs.current = new Set(pins.data?.map((pinned) => pinned.message.seq));
  }, [pins.data]);
  trpc.chat.onRoom.useSubscription(startAfter === null ? skipToken : { roomId, lastEventId: String(startAfter) }, {
    onData: (value) => {
      // Message changes come tracked (`{ id, data }`, so a reconnect resumes after them); signals plain.
      const event = "kind" in value ? value : value.data;
      if (event.kind === "message") {
        setLive((old) => newer(old, event.message));
        // Pinned or unpinned (here or by someone else), or a pinned one changed: the header's list reads again.
        if (event.message.pinned || pinnedSeqs.current.has(event.message.seq))
          void utils.chat.pins.invalidate({ roomId });
        setPending((old) => old.filter((p) => p.clientId !== event.message.clientId));
        // Someone mentions me (or answers me): "my last mention" goes to it.
        const toMe =
          me !== null &&
          event.message.author?.id !== me.id &&
          (mentionedHandles(event.message.body).includes(me.handle) || event.message.replyTo?.author?.id === me.id);
        if (toMe) void utils.chat.room.invalidate({ roomId });
        if (event.message.author) {
          const authorId = event.message.author.id;
          setTyping((old) => {
            if (!old.has(authorId)) return old;
            const next = new Map(old);
            next.delete(authorId);
            return next;
          });
        }
      } else if (event.kind === "typing") {
        setTyping((old) => new Map(old).set(event.user.id, { user: event.user, until: Date.now() + TYPING_SHOWN_MS }));
      } else {
        setReads((old) => (event.seq > (old.get(event.userId) ?? 0) ? new Map(old).set(event.userId, event.seq) : old));
      }
    },
    onError: () => void room.refetch(),
  });

  // Typing signals fade on their own.
  useEffect(() => {
    if (typing.size === 0) return;
    const next = Math.min(...[...typing.values()].map((t) => t.until));
    const timer = setTimeout(
      () => setTyping((old) => new Map([...old].filter(([, t]) => t.until > Date.now()))),
      Math.max(50, next - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [typing]);

  const messages = useMemo<ShownMessage[]>(() => {
    const bySeq = new Map<number, TChatMessage>();
    for (const page of history.data?.pages ?? []) for (const message of page.items) bySeq.set(message.seq, message);
    // Pages stopping before the present show the stream's changes to what they hold, never what lies past them.
    const newestLoaded = history.data?.pages[0]?.items.at(-1)?.seq ?? 0;
    // A page refetched later may hold a later copy than the stream's.
    for (const [seq, message] of live)
      if ((atPresent || seq <= newestLoaded) && (bySeq.get(seq)?.changeSeq ?? -1) <= message.changeSeq)
        bySeq.set(seq, message);
    const sent = [...bySeq.values()].sort((a, b) => a.seq - b.seq).map((m) => ({ ...m, state: "sent" as const }));
    const sentIds = new Set(sent.map((m) => m.clientId));
    const unsent = pending
      .filter((p) => !sentIds.has(p.clientId))
      .map<ShownMessage>((p) => ({
        roomId,
        seq: Number.MAX_SAFE_INTEGER,
        changeSeq: 0,
        author: me,
        clientId: p.clientId,
        body: p.body,
        createdAt: p.createdAt,
        edited: false,
        deleted: false,
        hidden: false,
        images: p.images,
        files: p.files,
        reactions: [],
        replyTo: p.replyTo,
        pinned: false,
        preview: null,
        state: p.failed ? "failed" : "pending",
      }));
    return [...sent, ...(atPresent ? unsent : [])];
  }, [history.data, live, pending, me, roomId, atPresent]);

  const sendMutation = trpc.chat.send.useMutation();
  const deliver = useCallback(
    (item: Pending) => {
      sendMutation.mutate(
        {
          roomId,
          clientId: item.clientId,
          body: item.body,
          imageIds: item.images.map((image) => image.id),
          fileIds: item.files.map((file) => file.id),
          replyToSeq: item.replyTo?.seq ?? null,
        },
        {
          onSuccess: (message) => {
            setLive((old) => newer(old, message));
            setPending((old) => old.filter((p) => p.clientId !== item.clientId));
          },
          // Kept, marked failed: a retry sends the same client id, so it is never stored twice.
          onError: () =>
            setPending((old) => old.map((p) => (p.clientId === item.clientId ? { ...p, failed: true } : p))),
        },
      );
    },
    [roomId, sendMutation],
  );
  /** `answering`: the message this one replies to. */
  const send = (
    body: string,
    images: TUploadedImage[],
    files: TSharedFile[],
    answering: TChatMessage | null = null,
  ) => {
    const replyTo = answering && {
      seq: answering.seq,
      author: answering.author,
      excerpt: plainExcerpt(answering.body, CHAT_QUOTE_CHARS),
      gone: false,
    };
    const item = { clientId: crypto.randomUUID(), body, images, files, createdAt: new Date(), failed: false, replyTo };
    // What I send is read at the present.
    setAnchor(null);
    setPending((old) => [...old, item]);
    deliver(item);
  };
  const retry = (clientId: string) => {
    const item = pending.find((p) => p.clientId === clientId);
    if (!item) return;
    setPending((old) => old.map((p) => (p.clientId === clientId ? { ...p, failed: false } : p)));
    deliver({ ...item, failed: false });
  };

  const editMutation = trpc.chat.edit.useMutation({
    onSuccess: (message) => setLive((old) => newer(old, message)),
  });
  const deleteMutation = trpc.chat.delete.useMutation({
    onSuccess: (message) => setLive((old) => newer(old, message)),
  });

  // Refused (20 different emoji already, a message deleted meanwhile): said in a toast.
  const reacted = {
    onSuccess: (message: TChatMessage) => setLive((old) => newer(old, message)),
    onError: (error: unknown) => onReactError?.(error),
  };
  const reactMutation = trpc.chat.react.useMutation(reacted);
  const unreactMutation = trpc.chat.unreact.useMutation(reacted);
  const pinMutation = trpc.chat.pin.useMutation(reacted);
  const unpinMutation = trpc.chat.unpin.useMutation(reacted);
  const removePreviewMutation = trpc.chat.removePreview.useMutation(reacted);

  const typingMutation = trpc.chat.typing.useMutation();
  const lastTyping = useRef(0);
  const typed = () => {
    if (Date.now() - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = Date.now();
    typingMutation.mutate({ roomId });
  };

  // Reading: what is on screen while the tab is visible counts as read, in every tab of mine.
  const { mutate: markRead } = trpc.chat.markRead.useMutation({
    onSuccess: () => void utils.chat.inbox.invalidate(),
  });
  const newestSeq = messages.filter((m) => m.state === "sent").at(-1)?.seq ?? 0;
  const readUpTo = useRef(0);
  useEffect(() => {
    const read = () => {
      if (document.visibilityState !== "visible" || newestSeq <= readUpTo.current) return;
      if (room.data && newestSeq <= room.data.lastReadSeq && readUpTo.current === 0) {
        readUpTo.current = room.data.lastReadSeq;
        return;
      }
      readUpTo.current = newestSeq;
      markRead({ roomId, seq: newestSeq });
    };
    read();
    document.addEventListener("visibilitychange", read);
    return () => document.removeEventListener("visibilitychange", read);
  }, [newestSeq, roomId, room.data, markRead]);

  return {
    room,
    history,
    /** False while the pages shown stop before the present (gone to an old message). */
    atPresent,
    /** Shows the page around this message (one not loaded), or the newest (null). */
    loadAround: setAnchor,
    messages,
    dividerAfter,
    typing: [...typing.values()].map((t) => t.user),
    reads,
    send,
    retry,
    edit: (seq: number, body: string) => editMutation.mutateAsync({ roomId, seq, body }),
    remove: (seq: number) => deleteMutation.mutateAsync({ roomId, seq }),
    pins,
    /** Pins (`on`) or unpins; the header's list follows the message's change. */
    pin: (seq: number, on: boolean) => (on ? pinMutation : unpinMutation).mutate({ roomId, seq }),
    /** Takes my message's link preview off it, for good. */
    removePreview: (seq: number) => removePreviewMutation.mutate({ roomId, seq }),
    /** Adds (`on`) or takes back my reaction; the answer and the stream both bring the change. */
    react: (seq: number, emoji: string, on: boolean) =>
      (on ? reactMutation : unreactMutation).mutate({ roomId, seq, emoji }),
    typed,
  };
}
