import { notificationCategories } from "@orgo/api-contract/constants";
import type { TNotificationPreferences } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { FormError } from "../../ui/FormError";
import { DesktopPermissionButton } from "../notifications/desktop";
import { useNotificationPreferences } from "../notifications/use-preferences";
import { MailSection } from "./MailSection";
import { PushSection } from "./PushSection";
import "./settings.css";

const HOUR_MS = 3600_000;

/** Tomorrow at 8 in the morning, in this browser's time zone: "until tomorrow". */
function tomorrowMorning(now = new Date()): Date {
  const at = new Date(now);
  at.setDate(at.getDate() + 1);
  at.setHours(8, 0, 0, 0);
  return at;
}

/**
 * Settings → Notifications: for each kind, announced in the app (a toast) and on the
 * desktop, or not; a pause for everything. Nothing is lost either way: the server
 * keeps and counts every notification and decides what it pushes.
 */
export function NotificationsSection() {
  const { t, formatDate } = useI18n();
  const utils = trpc.useUtils();
  const preferences = useNotificationPreferences(true);
  const saved = {
    onSuccess: (answer: TNotificationPreferences) => utils.notification.preferences.setData(undefined, answer),
  };
  // The box turns at once; the server's answer (or a refetch, if it refused) settles it.
  const set = trpc.notification.setPreference.useMutation({
    ...saved,
    onMutate: ({ category, inApp, desktop }) =>
      utils.notification.preferences.setData(
        undefined,
        (old) => old && { ...old, categories: { ...old.categories, [category]: { inApp, desktop } } },
      ),
    onError: () => void utils.notification.preferences.invalidate(),
  });
  const pause = trpc.notification.pause.useMutation(saved);
  const prefs = preferences.data;
  return (
    <section className="choice" aria-labelledby="notifications-title">
      <h2 id="notifications-title" className="section-title">
        {t("settings.notifications")}
      </h2>
      <p className="muted small">{t("settings.notifications.hint")}</p>
      <DesktopPermissionButton showDecision />
      {prefs && (
        <table className="preferences" data-testid="notification-preferences">
          <thead>
            <tr>
              <th scope="col">{t("settings.notifications.kind")}</th>
              <th scope="col">{t("settings.notifications.inApp")}</th>
              <th scope="col">{t("settings.notifications.desktop")}</th>
            </tr>
          </thead>
          <tbody>
            {notificationCategories
              .filter((category) => category !== "moderation")
              .map((category) => {
                const current = prefs.categories[category];
                const label = t(`settings.notifications.category.${category}`);
                return (
                  <tr key={category}>
                    <th scope="row">{label}</th>
                    {(["inApp", "desktop"] as const).map((channel) => (
                      <td key={channel}>
                        <input
                          type="checkbox"
                          aria-label={`${label}: ${t(`settings.notifications.${channel}`)}`}
                          checked={current[channel]}
                          onChange={(event) => set.mutate({ ...current, category, [channel]: event.target.checked })}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
          </tbody>
        </table>
      )}
      {prefs?.pausedUntil ? (
        <p className="preferences__pause">
          <span data-testid="paused-until">
            {t("settings.notifications.pausedUntil", { time: formatDate(prefs.pausedUntil) })}
          </span>{" "}
          <button type="button" className="button" onClick={() => pause.mutate({ until: null })}>
            {t("settings.notifications.resume")}
          </button>
        </p>
      ) : (
        prefs && (
          <p className="preferences__pause">
            <button
              type="button"
              className="button"
              onClick={() => pause.mutate({ until: new Date(Date.now() + HOUR_MS) })}
            >
              {t("settings.notifications.pause1h")}
            </button>{" "}
            <button type="button" className="button" onClick={() => pause.mutate({ until: tomorrowMorning() })}>
              {t("settings.notifications.pauseTomorrow")}
            </button>
          </p>
        )
      )}
      <FormError error={set.error ?? pause.error} />
      <PushSection />
      <MailSection />
    </section>
  );
}
