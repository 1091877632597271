import { useSearchParams } from "react-router";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/messages";
import "./auth.css";

const outcomes = [
  "cancelled",
  "bad_state",
  "failed",
  "email_unverified",
  "link_refused",
  "identity_taken",
  "provider_taken",
  "unavailable",
  "rate_limited",
  "created",
  "linked",
] as const;
const good = new Set(["created", "linked"]);

/** What the GitHub/Google round trip ended in (the server adds ?oauth=…), dismissible. */
export function OAuthNotice() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const outcome = params.get("oauth");
  if (!outcome || !(outcomes as readonly string[]).includes(outcome)) return null;
  const dismiss = () =>
    setParams(
      (current) => {
        current.delete("oauth");
        return current;
      },
      { replace: true },
    );
  return (
    <div
      className={`notice ${good.has(outcome) ? "notice--ok" : "notice--error"}`}
      role={good.has(outcome) ? "status" : "alert"}
    >
      <span>{t(`oauth.${outcome}` as MessageKey)}</span>
      <button type="button" className="icon-button" onClick={dismiss} aria-label={t("close")}>
        ✕
      </button>
    </div>
  );
}
