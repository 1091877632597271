import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";

/**
 * What OrGo is, for a visitor, above the feed. index.html paints the same block
 * before any script runs (the first screen is never blank), so it must stay in step
 * with `.welcome` there.
 */
export function Welcome() {
  const { t } = useI18n();
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 className="welcome__title" id="welcome-title">
        {t("welcome.title")}
      </h1>
      <p className="welcome__text">{t("welcome.text")}</p>
      <p className="welcome__actions">
        <Link className="button button--primary" to="/signup">
          {t("auth.signUp")}
        </Link>
        <Link className="button" to="/signin">
          {t("auth.signIn")}
        </Link>
      </p>
    </section>
  );
}
