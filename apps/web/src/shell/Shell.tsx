import { Suspense, useRef } from "react";
import { Outlet, useLocation } from "react-router";
import { ErrorBoundary } from "../ui/ErrorBoundary";
import { ErrorPage } from "./ErrorPage";
import { NavRail } from "./NavRail";
import { TopBar } from "./TopBar";
import { CommandPalette } from "./CommandPalette";
import { ShortcutSheet } from "./ShortcutSheet";
import { useHotkeys } from "./hotkeys";
import { useUi } from "./ui-state";
import { Composer } from "../features/composer/Composer";
import { OAuthNotice } from "../features/auth/OAuthNotice";
import { Toasts } from "./Toasts";
import { useI18n } from "../i18n/i18n";

/** While a section's chunk loads: the frame stays, the content area says so. */
function PageLoading() {
  const { t } = useI18n();
  return (
    <p className="page placeholder muted" role="status">
      {t("feed.loading")}
    </p>
  );
}

/** The desktop frame every feature lives in: rail, top bar, content, overlays. */
export function Shell() {
  const ui = useUi();
  const { pathname } = useLocation();
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
    <>
      <div className="shell">
        <NavRail />
        <div className="shell__main">
          <TopBar ref={searchRef} />
          <main className="shell__content">
            <OAuthNotice />
            {/* A page that fails to render leaves the shell working; going elsewhere recovers. */}
            <ErrorBoundary key={pathname} fallback={(reference) => <ErrorPage reference={reference} />}>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </main>
        </div>
        <CommandPalette />
        <ShortcutSheet />
        <Composer />
      </div>
      {/* Outside the shell's grid: sonner's wrapper would take a row of its own. */}
      <Toasts />
    </>
  );
}
