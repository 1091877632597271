import { useEffect } from "react";
import { skipToken } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { useMe } from "../auth/use-me";
import { setAppBadge } from "../../lib/service-worker";

/**
 * My conversations, kept current by the server: every change to my inbox (a
 * message, a read in another tab, a room gained or lost) arrives on my own channel
 * and refetches the list. No polling.
 */
export function useInbox() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  const utils = trpc.useUtils();
  const inbox = trpc.chat.inbox.useQuery(undefined, { enabled: signedIn });
  trpc.chat.onInbox.useSubscription(signedIn ? undefined : skipToken, {
    onData: () => void utils.chat.inbox.invalidate(),
    // After a reconnect, what changed meanwhile is in the list, not in the stream.
    onStarted: () => void utils.chat.inbox.invalidate(),
  });
  return { signedIn, inbox, rooms: inbox.data?.rooms ?? [], unreadTotal: inbox.data?.unreadTotal ?? 0 };
}

/**
 * "(3) OrGo": the unread count in the tab's title, for a tab in the background, and on
 * the installed app's icon (the app badge) where the platform has one.
 */
export function useUnreadTitle(unread: number) {
  useEffect(() => {
    const base = "OrGo";
    document.title = unread > 0 ? `(${unread > 99 ? "99+" : unread}) ${base}` : base;
    setAppBadge(unread);
  }, [unread]);
}
