import { forwardRef } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "../i18n/i18n";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { OutboxButton } from "../features/outbox/OutboxButton";
import { useUi } from "../lib/ui-state";
import { isMac } from "../lib/hotkeys";
import { PHONE_QUERY, useMediaQuery } from "../lib/use-media-query";

export const TopBar = forwardRef<HTMLInputElement>(function TopBar(_props, searchRef) {
  const { t } = useI18n();
  const { filter, setFilter, setPaletteOpen } = useUi();
  const navigate = useNavigate();
  // A phone has no "/" key to teach.
  const phone = useMediaQuery(PHONE_QUERY);
  return (
    <header className="topbar">
      <span className="topbar__title">{t("app.name")}</span>
      <input
        ref={searchRef}
        className="topbar__search"
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && filter.trim()) {
            void navigate(`/search?q=${encodeURIComponent(filter.trim())}`);
            setFilter("");
            e.currentTarget.blur();
          }
          if (e.key === "Escape") {
            setFilter("");
            e.currentTarget.blur();
          }
        }}
        placeholder={phone ? t("search.placeholderPhone") : t("search.placeholder")}
        aria-label={t("search.label")}
      />
      <button type="button" className="topbar__palette" onClick={() => setPaletteOpen(true)}>
        {/* The name starts with what the button shows (axe: label-content-name-mismatch). */}
        <kbd>{isMac ? "⌘" : "Ctrl"}</kbd> <kbd>K</kbd>
        <span className="visually-hidden"> {t("palette.label")}</span>
      </button>
      <ConnectionIndicator />
      <OutboxButton />
    </header>
  );
});
