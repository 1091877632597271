import { useI18n } from "../i18n/i18n";

/** What a person sees when a page failed to render: what happened, what to do, and what to quote. */
export function ErrorPage({ reference }: { reference: string | null }) {
  const { t } = useI18n();
  return (
    <div className="page placeholder" role="alert" data-testid="error-page">
      <h1>{t("error.title")}</h1>
      <p>{t("error.body")}</p>
      {reference && (
        <p className="muted small">
          {t("error.reference")} <code data-testid="error-reference">{reference}</code>
        </p>
      )}
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t("error.reload")}
      </button>
    </div>
  );
}
