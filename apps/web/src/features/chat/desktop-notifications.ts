import { showToast } from "../../lib/toast";
import { useEffect, useRef } from "react";
import type { TChatRoom } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { useNotificationPreferences } from "../notifications/use-preferences";
import { desktopNotificationDue, showDesktopNotification } from "../notifications/desktop";

/**
 * A room whose unread count grew is announced: as a desktop notification while the
 * tab is hidden (when permission was given, only ever asked from a click), as a short
 * toast while the tab is visible and that room is not open. Never for a muted room,
 * a chat turned off in Settings, or while notifications are paused.
 */
export function useMessageNotifications(
  /** null until the inbox has loaded: what was unread then is not news. */
  rooms: TChatRoom[] | null,
  openRoomId: number | null,
  open: (roomId: number) => void,
  signedIn: boolean,
) {
  const { t } = useI18n();
  const preferences = useNotificationPreferences(signedIn);
  const previous = useRef<Map<number, number> | null>(null);
  useEffect(() => {
    if (rooms === null) return;
    const before = previous.current;
    previous.current = new Map(rooms.map((room) => [room.id, room.unreadCount]));
    const prefs = preferences.data;
    if (!before || !prefs || (prefs.pausedUntil && prefs.pausedUntil.getTime() > Date.now())) return;
    for (const room of rooms) {
      if (room.muted || room.unreadCount <= (before.get(room.id) ?? 0) || !room.lastMessage) continue;
      const title = room.peer?.displayName ?? room.study?.title ?? t("chat.title");
      const body = room.lastMessage.deleted ? t("chat.deletedMessage") : room.lastMessage.body.slice(0, 140);
      if (desktopNotificationDue()) {
        if (prefs.categories.chat.desktop)
          showDesktopNotification(title, body, `orgo-room-${room.id}`, () => open(room.id));
      } else if (document.visibilityState === "visible" && room.id !== openRoomId && prefs.categories.chat.inApp) {
        showToast(title, {
          id: `room-${room.id}`,
          description: body,
          action: { label: t("toast.open"), onClick: () => open(room.id) },
        });
      }
    }
  }, [rooms, open, openRoomId, preferences.data, t]);
}
