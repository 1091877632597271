import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { deviceName } from "./device-name";

export function SessionsSection() {
  const { t, formatDate } = useI18n();
  const utils = trpc.useUtils();
  const sessions = trpc.auth.sessions.useQuery();
  const end = trpc.auth.endSession.useMutation({ onSettled: () => utils.auth.sessions.invalidate() });
  return (
    <section className="choice" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="section-title">
        {t("settings.sessions")}
      </h2>
      <ul className="sessions" data-testid="sessions">
        {sessions.data?.map((s) => (
          <li key={s.id} className="sessions__row">
            <div>
              <strong>{deviceName(s.userAgent) ?? t("settings.unknownDevice")}</strong>
              {s.current && <span className="badge">{t("settings.thisDevice")}</span>}
              <div className="muted small">
                {s.ip} · {t("settings.lastSeen", { time: formatDate(s.lastSeenAt) })}
              </div>
            </div>
            {!s.current && (
              <button
                type="button"
                className="button"
                disabled={end.isPending}
                onClick={() => end.mutate({ sessionId: s.id })}
              >
                {t("settings.endSession")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
