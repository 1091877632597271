import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { useUi } from "./ui-state";

/**
 * The palette's frame while its chunk or the other language's names load (a hotkey
 * pressed right after the page appeared): what is typed is kept and carried into the
 * palette.
 */
export function PaletteLoading() {
  const { t } = useI18n();
  const { paletteSearch, setPaletteSearch, setPaletteOpen } = useUi();
  // What had focus when the palette was asked for: it gets it back on Escape.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const close = () => {
    setPaletteOpen(false);
    if (opener && opener !== document.body) opener.focus();
    else document.querySelector<HTMLElement>("main")?.focus();
  };
  return (
    <>
      <div className="palette__overlay" onClick={close} />
      <div className="palette__content" role="dialog" aria-label={t("palette.label")}>
        <input
          className="palette__input"
          placeholder={t("palette.placeholder")}
          value={paletteSearch}
          onChange={(e) => setPaletteSearch(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && close()}
          autoFocus
        />
      </div>
    </>
  );
}
