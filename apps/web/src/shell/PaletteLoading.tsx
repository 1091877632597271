import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { useUi } from "../lib/ui-state";

/**
 * The palette's frame while its chunk or the other language's names load (a hotkey
 * pressed right after the page appeared): what is typed is kept and carried into the
 * palette. Closing it gives focus back as the palette does (`onClose` comes from the
 * palette's useFocusReturn).
 */
export function PaletteLoading(props: { onClose?: () => void }) {
  const { t } = useI18n();
  const { paletteSearch, setPaletteSearch, setPaletteOpen } = useUi();
  const input = useRef<HTMLInputElement>(null);
  // Before the palette's chunk is there (Shell's fallback), this frame gives focus back
  // itself: to what had it when the frame appeared.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const onClose =
    props.onClose ??
    (() => {
      setPaletteOpen(false);
      if (opener && opener !== document.body) opener.focus();
      else document.querySelector<HTMLElement>("main")?.focus();
    });
  // Focused in an effect, not by autoFocus: the palette records what had focus (to give
  // it back) in a layout effect, which must run first.
  useEffect(() => input.current?.focus(), []);
  // Esc closes the frame from the moment it is drawn, wherever the focus is: an Esc
  // pressed before the field had it was lost, and the palette then opened anyway.
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      close.current();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <>
      <div className="palette__overlay" onClick={onClose} />
      <div className="palette__content" role="dialog" aria-label={t("palette.label")}>
        <input
          ref={input}
          className="palette__input"
          placeholder={t("palette.placeholder")}
          value={paletteSearch}
          onChange={(e) => setPaletteSearch(e.target.value)}
        />
      </div>
    </>
  );
}
