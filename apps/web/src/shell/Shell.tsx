import { useRef } from "react";
import { Outlet } from "react-router";
import { NavRail } from "./NavRail";
import { TopBar } from "./TopBar";
import { CommandPalette } from "./CommandPalette";
import { ShortcutSheet } from "./ShortcutSheet";
import { useHotkeys } from "./hotkeys";
import { useUi } from "./ui-state";
import { Composer } from "../features/composer/Composer";
import { OAuthNotice } from "../features/auth/OAuthNotice";
import { Toasts } from "./Toasts";

/** The desktop frame every feature lives in: rail, top bar, content, overlays. */
export function Shell() {
  const ui = useUi();
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys({
    mod: { k: () => ui.setPaletteOpen(!ui.paletteOpen) },
    keys: {
      "?": () => ui.setShortcutsOpen(true),
      "/": () => searchRef.current?.focus(),
      n: () => ui.setComposerOpen(true),
    },
    enabled: !ui.composerOpen,
  });
  return (
    <div className="shell">
      <NavRail />
      <div className="shell__main">
        <TopBar ref={searchRef} />
        <main className="shell__content">
          <OAuthNotice />
          <Outlet />
        </main>
      </div>
      <CommandPalette />
      <ShortcutSheet />
      <Composer />
      <Toasts />
    </div>
  );
}
