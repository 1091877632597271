import { BookOpen, GraduationCap, House, LogIn, PenLine, Search, Settings, UserPlus } from "lucide-react";
import { useI18n } from "../i18n/i18n";
import { useUi } from "../lib/ui-state";
import { RailLink } from "../ui/RailLink";
import { Suspense } from "react";
import { lazyPage } from "../lib/lazy-page";
import { Avatar } from "../ui/Avatar";
import { NotificationsLink } from "../features/notifications/NotificationsLink";
import { ChatLink } from "../features/chat/ChatLink";
import { StaffLinks } from "../features/moderation/StaffLinks";
import { useIsVisitor, useMe } from "../features/auth/use-me";

// The account menu (Radix, with its positioning engine: ≈ 25 KB gzipped) loads just
// after the first screen; until then its button is drawn, inert.
const AccountMenu = lazyPage(() => import("../features/auth/AccountMenu"), "AccountMenu");

/**
 * The sections: a rail on the left from tablet width up, a bar at the bottom on a
 * phone (shell/layout.css), where the secondary ones move into the account menu.
 */
export function NavRail() {
  const { t } = useI18n();
  const { setComposerOpen } = useUi();
  const me = useMe();
  const visitor = useIsVisitor();
  // A member's set from the first paint (this browser's hint, until auth.me answers): a
  // phone's bottom bar must not swap its buttons under a thumb when the answer comes.
  const member = !visitor;
  return (
    <nav className="rail" aria-label={t("nav.label")}>
      <div className="rail__logo" aria-hidden>
        <img src="/favicon.svg" alt="" width={32} height={32} />
      </div>
      <RailLink to="/" end alsoActiveOn="/posts/" icon={House} label={t("nav.feed")} />
      <RailLink to="/studies" icon={BookOpen} label={t("nav.studies")} />
      <RailLink to="/mentors" icon={GraduationCap} label={t("nav.mentors")} secondary={member} />
      <RailLink to="/search" icon={Search} label={t("nav.search")} />
      <ChatLink />
      <NotificationsLink />
      <StaffLinks />
      {member && (
        <button
          type="button"
          className="rail__item rail__item--secondary rail__compose"
          title={`${t("composer.open")} (n)`}
          onClick={() => setComposerOpen(true)}
        >
          <PenLine aria-hidden className="rail__icon" size={22} strokeWidth={1.8} />
          <span className="rail__label">{t("composer.open")}</span>
        </button>
      )}
      <div className="rail__spacer" />
      {visitor && (
        <>
          <RailLink to="/signin" icon={LogIn} label={t("auth.signIn")} />
          <RailLink to="/signup" icon={UserPlus} label={t("nav.signUp")} />
        </>
      )}
      {member && !me.data && (
        <span className="rail__item rail__me" aria-hidden>
          <span className="avatar" style={{ width: 26, height: 26 }} />
          <span className="rail__label">{t("nav.me")}</span>
        </span>
      )}
      {me.data && (
        <Suspense
          fallback={
            <span className="rail__item rail__me" aria-hidden>
              <Avatar user={me.data} size={26} />
              <span className="rail__label">{t("nav.me")}</span>
            </span>
          }
        >
          <AccountMenu me={me.data} />
        </Suspense>
      )}
      <RailLink to="/settings" icon={Settings} label={t("nav.settings")} secondary />
    </nav>
  );
}
