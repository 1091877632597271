import { NavLink } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { useLiveNotifications } from "./use-live-notifications";

/** The rail's way to notifications, with the unread count, live (the tab's one notification stream). */
export function NotificationsLink() {
  const { t } = useI18n();
  const { signedIn, unreadCount: count } = useLiveNotifications();
  if (!signedIn) return null;
  return (
    <NavLink to="/notifications" className="rail__item" title={t("nav.notifications")}>
      <span aria-hidden className="rail__icon">
        ⚑
      </span>
      {count > 0 && (
        <span className="rail__badge" aria-label={t("notifications.unread", { count })} data-testid="unread">
          {count > 99 ? "99+" : count}
        </span>
      )}
      <span className="rail__label">{t("nav.notifications")}</span>
    </NavLink>
  );
}
