import { Link } from "react-router";
import { useI18n } from "../i18n/i18n";

/** Any address no route knows: said plainly, with the way back (not the feed in disguise). */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="not-found">
      <h1>{t("notFound.title")}</h1>
      <p className="muted">{t("notFound.body")}</p>
      <p>
        <Link to="/" className="button button--primary">
          {t("notFound.home")}
        </Link>
      </p>
    </div>
  );
}
