import { useI18n, type Language } from "../../i18n/i18n";
import { useTheme, type ThemeChoice } from "../../theme/theme";
import { useMe } from "../auth/use-me";
import { BlockedSection } from "./BlockedSection";
import { ConnectionsSection } from "./ConnectionsSection";
import { DeleteAccountSection } from "./DeleteAccountSection";
import { NotificationsSection } from "./NotificationsSection";
import { PasswordSection } from "./PasswordSection";
import { ProfileSection } from "./ProfileSection";
import { SessionsSection } from "./SessionsSection";
import { MentorSettingsSection } from "../mentoring/MentorSettingsSection";

export function SettingsPage() {
  const { t, language, setLanguage } = useI18n();
  const theme = useTheme();
  const me = useMe();
  const themes: ThemeChoice[] = ["system", "light", "dark"];
  const languages: { value: Language; label: string }[] = [
    { value: "ko", label: "한국어" },
    { value: "en", label: "English" },
  ];
  return (
    <div className="page">
      <h1>{t("settings.title")}</h1>
      {me.data && (
        <>
          <ProfileSection me={me.data} />
          <section className="choice" aria-labelledby="account-title">
            <h2 id="account-title" className="section-title">
              {t("settings.account")}
            </h2>
            <p className="small">
              <span className="muted">{t("settings.emailLabel")}</span> <strong>{me.data.email}</strong>
            </p>
          </section>
        </>
      )}
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
      {me.data && (
        <>
          <NotificationsSection />
          <MentorSettingsSection />
          {me.data.hasPassword && <PasswordSection />}
          <ConnectionsSection me={me.data} />
          <SessionsSection />
          <BlockedSection />
          <DeleteAccountSection me={me.data} />
        </>
      )}
    </div>
  );
}
