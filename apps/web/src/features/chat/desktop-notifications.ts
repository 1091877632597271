import { useEffect, useRef } from "react";
import type { TChatRoom } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";

export const desktopNotificationsSupported = () => typeof Notification !== "undefined";

/**
 * While the tab is hidden, a room whose unread count grew shows a desktop
 * notification (when permission was given, which is only ever asked from a click).
 * Clicking it brings the tab back on that room.
 */
export function useMessageNotifications(rooms: TChatRoom[], open: (roomId: number) => void) {
  const { t } = useI18n();
  const previous = useRef<Map<number, number> | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = new Map(rooms.map((room) => [room.id, room.unreadCount]));
    if (!before || !desktopNotificationsSupported() || Notification.permission !== "granted") return;
    if (document.visibilityState === "visible") return;
    for (const room of rooms) {
      if (room.unreadCount <= (before.get(room.id) ?? 0) || !room.lastMessage) continue;
      const title = room.peer?.displayName ?? room.study?.title ?? t("chat.title");
      const body = room.lastMessage.deleted ? t("chat.deletedMessage") : room.lastMessage.body.slice(0, 140);
      const notification = new Notification(title, { body, tag: `orgo-room-${room.id}` });
      notification.onclick = () => {
        window.focus();
        open(room.id);
        notification.close();
      };
    }
  }, [rooms, open, t]);
}
