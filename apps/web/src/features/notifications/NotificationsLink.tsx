import { RailLink } from "../../ui/RailLink";
import { Bell, BellOff } from "lucide-react";
import { useI18n } from "../../i18n/i18n";
import { useNow } from "../../lib/use-now";
import { useLiveNotifications } from "./use-live-notifications";
import { useNotificationPreferences } from "./use-preferences";
import { useIsVisitor } from "../auth/use-me";

/**
 * The rail's way to notifications, with the unread count, live (the tab's one
 * notification stream), and a crossed-out bell while they are paused: a pause is
 * never a silent surprise.
 */
export function NotificationsLink() {
  const { t, formatDate } = useI18n();
  const { signedIn, unreadCount: count } = useLiveNotifications();
  const visitor = useIsVisitor();
  // The tab's one copy of my preferences (the chat's desktop notices read it too).
  const pausedUntil = useNotificationPreferences(signedIn).data?.pausedUntil ?? null;
  const now = useNow();
  // Drawn for a likely member while auth.me is on its way (no badge yet): the bar keeps its set.
  if (visitor) return null;
  const paused = pausedUntil !== null && pausedUntil.getTime() > now;
  const pauseText = paused ? t("settings.notifications.pausedUntil", { time: formatDate(pausedUntil) }) : "";
  return (
    <RailLink
      to="/notifications"
      icon={paused ? BellOff : Bell}
      label={t("nav.notifications")}
      title={paused ? `${t("nav.notifications")} · ${pauseText}` : undefined}
      badge={
        <>
          {count > 0 && (
            <span className="rail__badge" aria-label={t("notifications.unread", { count })} data-testid="unread">
              {count > 99 ? "99+" : count}
            </span>
          )}
          {paused && (
            <span className="visually-hidden" data-testid="notifications-paused">
              {pauseText}
            </span>
          )}
        </>
      }
    />
  );
}
