import { useEffect, type ReactNode } from "react";
import { useNavigate, useParams } from "react-router";
import { useI18n, type Language } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/messages";
import { useTheme, type ThemeChoice } from "../../theme/theme";
import { useRovingList } from "../../lib/use-roving-list";
import { SplitView } from "../../ui/SplitView";
import { useMe } from "../auth/use-me";
import { BlockedSection } from "./BlockedSection";
import { ConnectionsSection } from "./ConnectionsSection";
import { DeleteAccountSection } from "./DeleteAccountSection";
import { NotificationsSection } from "./NotificationsSection";
import { PasswordSection } from "./PasswordSection";
import { ProfileSection } from "./ProfileSection";
import { SessionsSection } from "./SessionsSection";
import { MentorSettingsSection } from "../mentoring/MentorSettingsSection";
import { MyReportsSection } from "../moderation/MyReportsSection";

interface Section {
  id: string;
  label: MessageKey;
  body: ReactNode;
}
const section = (id: string, label: MessageKey, body: ReactNode): Section => ({ id, label, body });

/**
 * /settings and /settings/<section>: the sections' names beside the sections. Picking
 * one (j / k, arrows, a click) scrolls it into view and names it in the address, so a
 * link or Back lands on it; on a phone the names come first, the settings after.
 */
export function SettingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const current = useParams().section ?? null;
  const user = me.data;
  const sections: Section[] = [
    ...(user
      ? [
          section("profile", "settings.profile", <ProfileSection me={user} />),
          section("account", "settings.account", <AccountSection email={user.email} />),
        ]
      : []),
    section("appearance", "settings.appearance", <AppearanceSection />),
    ...(user
      ? [
          section("notifications", "settings.notifications", <NotificationsSection />),
          section("mentoring", "settings.mentoring", <MentorSettingsSection />),
          ...(user.hasPassword ? [section("password", "settings.password", <PasswordSection />)] : []),
          section("connections", "settings.connections", <ConnectionsSection me={user} />),
          section("sessions", "settings.sessions", <SessionsSection />),
          section("blocked", "settings.blocked", <BlockedSection />),
          section("reports", "settings.reports", <MyReportsSection />),
          section("delete", "settings.deleteTitle", <DeleteAccountSection me={user} />),
        ]
      : []),
  ];
  const select = (id: string) => void navigate(`/settings/${id}`, { replace: current !== null });
  const roving = useRovingList({ ids: sections.map((s) => s.id), selected: current, onSelect: select });
  // Again once the signed-in sections exist (a deep link renders before `auth.me`
  // answers); sections above that grow as they load leave it in place (scroll anchoring).
  const count = sections.length;
  useEffect(() => {
    if (current) document.getElementById(`settings-${current}`)?.scrollIntoView({ block: "start" });
  }, [current, count]);

  return (
    <SplitView
      id="settings"
      listSize={26}
      listMin={18}
      showDetail={current !== null}
      back={{ label: t("settings.title"), onBack: () => void navigate("/settings") }}
      list={
        <div className="pane__scroll page">
          <h1>{t("settings.title")}</h1>
          <ul className="list settings-nav" aria-label={t("settings.sections")} {...roving.listProps}>
            {sections.map((section) => (
              <li
                key={section.id}
                className={`list__item${section.id === roving.active ? " is-selected" : ""}`}
                {...roving.rowProps(section.id)}
              >
                {t(section.label)}
              </li>
            ))}
          </ul>
        </div>
      }
      detail={
        <div className="pane__scroll page settings">
          {sections.map((section) => (
            <div key={section.id} id={`settings-${section.id}`} className="settings__section">
              {section.body}
            </div>
          ))}
        </div>
      }
    />
  );
}

function AccountSection({ email }: { email: string | null }) {
  const { t } = useI18n();
  return (
    <section className="choice" aria-labelledby="account-title">
      <h2 id="account-title" className="section-title">
        {t("settings.account")}
      </h2>
      <p className="small">
        <span className="muted">{t("settings.emailLabel")}</span> <strong>{email}</strong>
      </p>
    </section>
  );
}

function AppearanceSection() {
  const { t, language, setLanguage } = useI18n();
  const theme = useTheme();
  const themes: ThemeChoice[] = ["system", "light", "dark"];
  const languages: { value: Language; label: string }[] = [
    { value: "ko", label: "한국어" },
    { value: "en", label: "English" },
  ];
  return (
    <>
      <fieldset className="choice">
        <legend>{t("settings.theme")}</legend>
        {themes.map((choice) => (
          <label key={choice} className="choice__option">
            <input
              type="radio"
              name="theme"
              checked={theme.choice === choice}
              onChange={() => theme.setChoice(choice)}
            />
            {t(`settings.theme.${choice}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice">
        <legend>{t("settings.language")}</legend>
        {languages.map((l) => (
          <label key={l.value} className="choice__option">
            <input type="radio" name="language" checked={language === l.value} onChange={() => setLanguage(l.value)} />
            {l.label}
          </label>
        ))}
      </fieldset>
    </>
  );
}
