import { useNavigate } from "react-router";
import { useIdParam } from "../../lib/route-params";
import type { TNotification } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { useRovingList } from "../../lib/use-roving-list";
import { Avatar } from "../../ui/Avatar";
import { RelativeTime } from "../../ui/RelativeTime";
import { useMe } from "../auth/use-me";
import { notificationText, notificationDetail } from "./notification-text";
import { NotificationTarget } from "./NotificationTarget";
import { QueryState } from "../../ui/QueryState";
import { LoadMore } from "../../ui/LoadMore";
import { SplitView } from "../../ui/SplitView";
import { SelectHint } from "../../ui/SelectHint";
import { PageHeader } from "../../ui/PageHeader";
import "./notifications.css";

/**
 * /notifications and /notifications/<id>: stored notifications, newest first, and
 * what the open one is about beside them. Opening one (Enter or a click) marks it
 * read; j / k only move the highlight.
 */
export function NotificationsPage() {
  const { t, language } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const openId = useIdParam("notificationId");
  const list = trpc.notification.list.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor, enabled: Boolean(me.data) },
  );
  const refresh = () =>
    Promise.all([utils.notification.list.invalidate(), utils.notification.unreadCount.invalidate()]);
  const markRead = trpc.notification.markRead.useMutation({ onSuccess: refresh });
  const markAll = trpc.notification.markAllRead.useMutation({ onSuccess: refresh });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const opened = items.find((n) => n.id === openId);
  const open = (n: TNotification) => {
    if (!n.read) markRead.mutate({ id: n.id });
    void navigate(`/notifications/${n.id}`, { replace: openId !== null });
  };
  const roving = useRovingList({
    ids: items.map((n) => n.id),
    onOpen: (id) => {
      const found = items.find((n) => n.id === id);
      if (found) open(found);
    },
  });

  if (me.data === null) return <p className="page placeholder">{t("comments.signIn")}</p>;
  return (
    <SplitView
      id="notifications"
      listSize={40}
      showDetail={openId !== null}
      back={{ label: t("nav.notifications"), onBack: () => void navigate("/notifications") }}
      detail={
        <div className="pane__scroll">
          {openId === null ? (
            <SelectHint count={items.length} text={t("notifications.selectHint")} />
          ) : opened ? (
            <NotificationTarget key={opened.id} notification={opened} />
          ) : list.isPending ? (
            <p className="placeholder muted">{t("feed.loading")}</p>
          ) : (
            <p className="placeholder">{t("notifications.gone")}</p>
          )}
        </div>
      }
      list={
        <>
          <PageHeader
            title={t("nav.notifications")}
            actions={
              <button type="button" className="button" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
                {t("notifications.markAll")}
              </button>
            }
          />
          <div className="pane__scroll page">
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
                  className={`list__item notification${n.read ? "" : " is-unread"}${n.id === roving.active ? " is-selected" : ""}${n.id === openId ? " is-open" : ""}`}
                  {...roving.rowProps(n.id)}
                >
                  {/* A moderation notice is OrGo's, not a person's. */}
                  {n.moderation ? (
                    <Avatar user={{ displayName: "OrGo", avatarUrl: "/favicon.svg" }} size={32} />
                  ) : (
                    <Avatar user={n.actor} size={32} />
                  )}
                  <div>
                    <div>{notificationText(n, t)}</div>
                    {n.excerpt && <q className="notification__excerpt">{n.excerpt}</q>}
                    {notificationDetail(n, language) && (
                      <div className="muted small">{notificationDetail(n, language)}</div>
                    )}
                    <RelativeTime className="muted small" date={n.updatedAt} />
                  </div>
                </li>
              ))}
            </ul>
            <LoadMore query={list} />
          </div>
        </>
      }
    />
  );
}
