import { skipToken } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { useMe } from "../auth/use-me";

/**
 * My unread notification count, kept current by the server: each new or grown
 * notification, and each read in any of my tabs, arrives on my own stream with the
 * count as of then. No polling. The stream resumes after a reconnect from the last
 * change it delivered (tRPC's last event id); a fresh start refetches instead.
 */
export function useLiveNotifications() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  const utils = trpc.useUtils();
  const unread = trpc.notification.unreadCount.useQuery(undefined, { enabled: signedIn });
  trpc.notification.onChange.useSubscription(signedIn ? {} : skipToken, {
    onData: (value) => {
      const event = "kind" in value ? value : value.data;
      utils.notification.unreadCount.setData(undefined, event.unreadCount);
      // The open list (if any) takes the change in place.
      void utils.notification.list.invalidate();
    },
    onStarted: () => {
      void utils.notification.unreadCount.invalidate();
      void utils.notification.list.invalidate();
    },
  });
  return { signedIn, unreadCount: unread.data ?? 0 };
}
