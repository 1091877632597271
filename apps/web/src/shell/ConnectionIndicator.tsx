import { useConnectionState } from "../lib/connection-state";
import { useI18n } from "../i18n/i18n";

export function ConnectionIndicator() {
  const state = useConnectionState();
  const { t } = useI18n();
  const label = t(`connection.${state}`);
  return (
    <span
      className={`connection connection--${state}`}
      role="status"
      aria-live="polite"
      data-testid="connection"
      data-state={state}
    >
      <span className="connection__dot" aria-hidden />
      <span className="connection__label">{label}</span>
    </span>
  );
}
