import { NavLink } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { useMe } from "../auth/use-me";

/** The rail's way to notifications, with the unread count (polled until live delivery arrives). */
export function NotificationsLink() {
  const { t } = useI18n();
  const me = useMe();
  const unread = trpc.notification.unreadCount.useQuery(undefined, {
    enabled: Boolean(me.data),
    refetchInterval: 30_000,
  });
  if (!me.data) return null;
  const count = unread.data ?? 0;
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
