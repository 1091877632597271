import { showToast } from "../../lib/toast";
import { useLocation, useMatch, useNavigate } from "react-router";
import { skipToken } from "@tanstack/react-query";
import type { TNotification } from "@orgo/api-contract/schemas";
import { trpc } from "../../lib/trpc";
import { useI18n } from "../../i18n/i18n";
import { useMe } from "../auth/use-me";
import { desktopNotificationDue, showDesktopNotification } from "./desktop";
import { notificationPath } from "@orgo/api-contract/constants";
import { notificationSummary, notificationText } from "./notification-text";

/**
 * My unread notification count, kept current by the server: each new or grown
 * notification, and each read in any of my tabs, arrives on my own stream with the
 * count as of then. No polling. The stream resumes after a reconnect from the last
 * change it delivered (tRPC's last event id); a fresh start refetches instead.
 *
 * A new one is announced as the server says (`alert`, from my preferences and any
 * pause): a toast while this tab is visible and neither the notifications page nor
 * what it is about (the post, the study) is open,
 * a desktop notification while it is hidden.
 */
export function useLiveNotifications() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  const utils = trpc.useUtils();
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const onListPage = useMatch("/notifications") !== null;
  const { pathname } = useLocation();
  const announce = (n: TNotification, alert: { inApp: boolean; desktop: boolean }) => {
    const text = notificationText(n, t);
    const detail = notificationSummary(n, language);
    const open = () => void navigate(notificationPath(n));
    if (desktopNotificationDue()) {
      if (alert.desktop) showDesktopNotification(text, detail, `orgo-notification-${n.id}`, open);
    } else if (
      alert.inApp &&
      document.visibilityState === "visible" &&
      // Not when I am looking at it already: the list, or the very post or study.
      !onListPage &&
      pathname !== notificationPath(n).split("#")[0]
    ) {
      showToast(text, {
        id: `notification-${n.id}`,
        description: detail || undefined,
        action: { label: t("toast.open"), onClick: open },
      });
    }
  };

  const unread = trpc.notification.unreadCount.useQuery(undefined, { enabled: signedIn });
  trpc.notification.onChange.useSubscription(signedIn ? {} : skipToken, {
    onData: (value) => {
      const event = "kind" in value ? value : value.data;
      utils.notification.unreadCount.setData(undefined, event.unreadCount);
      if (event.kind === "changed" && !event.notification.read) announce(event.notification, event.alert);
      // The open list (if any) takes the change in place.
      void utils.notification.list.invalidate();
      // Requests and meetings on screen follow the other side's answer without a reload.
      if (event.kind === "changed" && event.notification.mentoring) void utils.mentoring.invalidate();
    },
    onStarted: () => {
      void utils.notification.unreadCount.invalidate();
      void utils.notification.list.invalidate();
    },
  });
  return { signedIn, unreadCount: unread.data ?? 0 };
}
