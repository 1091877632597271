import { NavLink } from "react-router";
import { useI18n } from "../i18n/i18n";
import { useUi } from "./ui-state";
import { AccountButton } from "../features/auth/AccountButton";
import { NotificationsLink } from "../features/notifications/NotificationsLink";
import { ChatLink } from "../features/chat/ChatLink";

export function NavRail() {
  const { t } = useI18n();
  const { setComposerOpen } = useUi();
  return (
    <nav className="rail" aria-label={t("nav.label")}>
      <div className="rail__logo" aria-hidden>
        <img src="/favicon.svg" alt="" width={32} height={32} />
      </div>
      <NavLink to="/" end className="rail__item" title={t("nav.feed")}>
        <span aria-hidden className="rail__icon">
          ▤
        </span>
        <span className="rail__label">{t("nav.feed")}</span>
      </NavLink>
      <NavLink to="/studies" className="rail__item" title={t("nav.studies")}>
        <span aria-hidden className="rail__icon">
          ◫
        </span>
        <span className="rail__label">{t("nav.studies")}</span>
      </NavLink>
      <NavLink to="/mentors" className="rail__item" title={t("nav.mentors")}>
        <span aria-hidden className="rail__icon">
          ☺
        </span>
        <span className="rail__label">{t("nav.mentors")}</span>
      </NavLink>
      <NavLink to="/search" className="rail__item" title={t("nav.search")}>
        <span aria-hidden className="rail__icon">
          ⌕
        </span>
        <span className="rail__label">{t("nav.search")}</span>
      </NavLink>
      <ChatLink />
      <NotificationsLink />
      <button
        type="button"
        className="rail__item rail__compose"
        title={`${t("composer.open")} (n)`}
        onClick={() => setComposerOpen(true)}
      >
        <span aria-hidden className="rail__icon">
          ✎
        </span>
        <span className="rail__label">{t("composer.open")}</span>
      </button>
      <div className="rail__spacer" />
      <AccountButton />
      <NavLink to="/settings" className="rail__item" title={t("nav.settings")}>
        <span aria-hidden className="rail__icon">
          ⚙
        </span>
        <span className="rail__label">{t("nav.settings")}</span>
      </NavLink>
    </nav>
  );
}
