import type { TMe, TOAuthProvider } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { FormError } from "../../ui/FormError";

const names: Record<TOAuthProvider, string> = { github: "GitHub", google: "Google" };

/** GitHub / Google connected to this account; connecting goes through /auth/<provider>. */
export function ConnectionsSection({ me }: { me: TMe }) {
  const { t } = useI18n();
  const utils = trpc.useUtils();
  const options = trpc.auth.options.useQuery(undefined, { staleTime: Infinity });
  const unlink = trpc.auth.unlinkProvider.useMutation({ onSuccess: () => utils.auth.me.invalidate() });
  const shown = [...new Set([...(options.data?.providers ?? []), ...me.linkedProviders])];
  if (shown.length === 0 && me.hasPassword) return null;
  return (
    <section className="choice" aria-labelledby="connections-title">
      <h2 id="connections-title" className="section-title">
        {t("settings.connections")}
      </h2>
      {!me.hasPassword && <p className="muted small">{t("settings.noPassword")}</p>}
      <ul className="sessions" data-testid="connections">
        {shown.map((provider) => {
          const linked = me.linkedProviders.includes(provider);
          return (
            <li key={provider} className="sessions__row">
              <div>
                <strong>{names[provider]}</strong>
                <div className="muted small">{linked ? t("settings.connected") : t("settings.notConnected")}</div>
              </div>
              {linked ? (
                <button
                  type="button"
                  className="button"
                  disabled={unlink.isPending}
                  onClick={() => unlink.mutate({ provider })}
                >
                  {t("settings.disconnect")}
                </button>
              ) : (
                options.data?.providers.includes(provider) && (
                  <a className="button" href={`/auth/${provider}?returnTo=/settings`}>
                    {t("settings.connect")}
                  </a>
                )
              )}
            </li>
          );
        })}
      </ul>
      <FormError error={unlink.error} />
    </section>
  );
}
