import { useState } from "react";
import { BellRing } from "lucide-react";
import { useI18n } from "../../i18n/i18n";

const desktopNotificationsSupported = () => typeof Notification !== "undefined";

/** Whether a desktop notification may be shown now: allowed, and the tab is hidden. */
export const desktopNotificationDue = () =>
  desktopNotificationsSupported() && Notification.permission === "granted" && document.visibilityState !== "visible";

/**
 * A desktop notification; clicking it brings the tab back and runs `open`. The tag
 * makes the system show one notification however many of my tabs announce it.
 */
export function showDesktopNotification(title: string, body: string, tag: string, open: () => void) {
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    open();
    notification.close();
  };
}

/**
 * Asks for desktop notifications from a click, never on load; says what was decided.
 * `compact`: a bell with its words as its name and tooltip, to sit in a header beside
 * other icon buttons (the words would wrap under the title in a narrow pane).
 */
export function DesktopPermissionButton({
  showDecision = false,
  compact = false,
}: {
  showDecision?: boolean;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const [permission, setPermission] = useState(() =>
    desktopNotificationsSupported() ? Notification.permission : "denied",
  );
  if (permission !== "default") {
    if (!showDecision) return null;
    return (
      <p className="muted small" data-testid="desktop-permission">
        {permission === "granted"
          ? t("settings.notifications.desktopAllowed")
          : t("settings.notifications.desktopBlocked")}
      </p>
    );
  }
  return (
    <button
      type="button"
      className="button button--ghost small"
      aria-label={compact ? t("chat.enableDesktop") : undefined}
      title={compact ? t("chat.enableDesktop") : undefined}
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {compact ? <BellRing size={18} aria-hidden /> : t("chat.enableDesktop")}
    </button>
  );
}
