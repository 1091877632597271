import { useNavigate } from "react-router";
import type { TNotification } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { useRovingList } from "../../lib/use-roving-list";
import { Avatar } from "../../ui/Avatar";
import { useMe } from "../auth/use-me";
import { notificationPath, notificationText, notificationDetail } from "./notification-text";
import { QueryState } from "../../ui/QueryState";
import { LoadMore } from "../../ui/LoadMore";

/** Stored notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t, formatDate, language } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const list = trpc.notification.list.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor, enabled: Boolean(me.data) },
  );
  const refresh = () =>
    Promise.all([utils.notification.list.invalidate(), utils.notification.unreadCount.invalidate()]);
  const markRead = trpc.notification.markRead.useMutation({ onSuccess: refresh });
  const markAll = trpc.notification.markAllRead.useMutation({ onSuccess: refresh });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const open = (n: TNotification) => {
    if (!n.read) markRead.mutate({ id: n.id });
    void navigate(notificationPath(n));
  };
  // j / k move the highlight; only Enter or a click opens (and marks read).
  const roving = useRovingList({
    ids: items.map((n) => n.id),
    onOpen: (id) => {
      const found = items.find((n) => n.id === id);
      if (found) open(found);
    },
  });

  if (me.data === null) return <p className="page placeholder">{t("comments.signIn")}</p>;
  return (
    <div className="page">
      <div className="page__header">
        <h1>{t("nav.notifications")}</h1>
        <button type="button" className="button" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
          {t("notifications.markAll")}
        </button>
      </div>
      <QueryState
        query={list}
        empty={items.length === 0}
        emptyText={t("notifications.empty")}
        errorText={t("notifications.loadError")}
      />
      <ul className="list" data-testid="notifications" aria-label={t("nav.notifications")} {...roving.listProps}>
        {items.map((n) => (
          <li
            key={n.id}
            className={`list__item notification${n.read ? "" : " is-unread"}${n.id === roving.active ? " is-selected" : ""}`}
            {...roving.rowProps(n.id)}
          >
            <Avatar user={n.actor} size={32} />
            <div>
              <div>{notificationText(n, t)}</div>
              {notificationDetail(n, language) && <div className="muted small">{notificationDetail(n, language)}</div>}
              <time className="muted small" dateTime={n.updatedAt.toISOString()}>
                {formatDate(n.updatedAt)}
              </time>
            </div>
          </li>
        ))}
      </ul>
      <LoadMore query={list} />
    </div>
  );
}
