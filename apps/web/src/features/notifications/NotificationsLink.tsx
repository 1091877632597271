import { RailLink } from "../../ui/RailLink";
import { Bell } from "lucide-react";
import { useI18n } from "../../i18n/i18n";
import { useLiveNotifications } from "./use-live-notifications";

/** The rail's way to notifications, with the unread count, live (the tab's one notification stream). */
export function NotificationsLink() {
  const { t } = useI18n();
  const { signedIn, unreadCount: count } = useLiveNotifications();
  if (!signedIn) return null;
  return (
    <RailLink
      to="/notifications"
      icon={Bell}
      label={t("nav.notifications")}
      badge={
        count > 0 && (
          <span className="rail__badge" aria-label={t("notifications.unread", { count })} data-testid="unread">
            {count > 99 ? "99+" : count}
          </span>
        )
      }
    />
  );
}
