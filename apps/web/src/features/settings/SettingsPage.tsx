import { useRef, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { useI18n, type Language } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/messages";
import { useTheme, type ThemeChoice } from "../../theme/theme";
import { historyFor, useRovingList, type SelectHow } from "../../lib/use-roving-list";
import { useSectionParam } from "../../lib/route-params";
import { useKeepInView } from "../../lib/use-keep-in-view";
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
import { PageHeader } from "../../ui/PageHeader";
import "./settings.css";

/** Every section there is; a person sees those that apply to them. */
const SECTION_IDS = [
  "profile",
  "account",
  "appearance",
  "notifications",
  "mentoring",
  "password",
  "connections",
  "sessions",
  "blocked",
  "reports",
  "delete",
] as const;
type SectionId = (typeof SECTION_IDS)[number];

interface Section {
  id: SectionId;
  label: MessageKey;
  body: ReactNode;
}
const section = (id: SectionId, label: MessageKey, body: ReactNode): Section => ({ id, label, body });

/**
 * /settings and /settings/<section>: the sections' names beside the sections. Picking
 * one (j / k, arrows, a click) scrolls it into view and names it in the address, so a
 * link or Back lands on it; on a phone the names come first, the settings after.
 */
export function SettingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const current = useSectionParam("section", SECTION_IDS);
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
  const select = (id: SectionId, how: SelectHow) => void navigate(`/settings/${id}`, historyFor(how, current !== null));
  const roving = useRovingList({ ids: sections.map((s) => s.id), selected: current, onSelect: select });
  // The section in the address stays in view while the signed-in sections arrive
  // (a deep link renders before `auth.me` answers) and those above it load.
  const content = useRef<HTMLDivElement>(null);
  useKeepInView(current && `settings-${current}`, content);

  return (
    <SplitView
      id="settings"
      listSize={26}
      listMin={18}
      showDetail={current !== null}
      back={{ label: t("settings.title"), onBack: () => void navigate("/settings") }}
      list={
        <>
          <PageHeader title={t("settings.title")} />
          <div className="pane__scroll page">
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
        </>
      }
      detail={
        <div className="pane__scroll page settings">
          <div ref={content}>
            {sections.map((section) => (
              <div key={section.id} id={`settings-${section.id}`} className="settings__section">
                {section.body}
              </div>
            ))}
          </div>
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
