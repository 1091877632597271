import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import "./auth.css";

/**
 * GitHub / Google buttons, only for the providers this server has credentials for.
 * Plain links: the flow leaves the SPA for the provider and comes back to /auth/….
 */
export function ProviderButtons(props: { returnTo?: string }) {
  const { t } = useI18n();
  const options = trpc.auth.options.useQuery(undefined, { staleTime: Infinity });
  const providers = options.data?.providers ?? [];
  if (providers.length === 0) return null;
  const query = props.returnTo ? `?returnTo=${encodeURIComponent(props.returnTo)}` : "";
  return (
    <div className="providers">
      {providers.map((provider) => (
        <a key={provider} className={`button button--provider button--${provider}`} href={`/auth/${provider}${query}`}>
          <span aria-hidden className="providers__logo">
            {provider === "github" ? "GH" : "G"}
          </span>
          {t(`auth.with.${provider}`)}
        </a>
      ))}
      <p className="providers__or muted small">{t("auth.or")}</p>
    </div>
  );
}
