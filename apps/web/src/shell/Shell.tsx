import { Suspense, startTransition, useEffect, useRef, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { ErrorBoundary } from "../ui/ErrorBoundary";
import { ErrorPage } from "./ErrorPage";
import { NotFoundPage } from "./NotFoundPage";
import { NavRail } from "./NavRail";
import { TopBar } from "./TopBar";
import { useHotkeys } from "../lib/hotkeys";
import { useUi } from "../lib/ui-state";
import { OAuthNotice } from "../features/auth/OAuthNotice";
import { lazyPage } from "../lib/lazy-page";
import { PaletteLoading } from "./PaletteLoading";
import { PageSkeleton } from "../ui/ListSkeleton";
import { useI18n } from "../i18n/i18n";
import { useIsVisitor, useRememberMember } from "../features/auth/use-me";
import { useEver } from "../lib/use-ever";
import { loadOutboxDialog } from "../features/outbox/OutboxButton";
import { loadDialog } from "../ui/Dialog";
import { useInstalledApp } from "./use-installed-app";
import { goTargets } from "./go-targets";

/** How long after "g" its second letter still counts. */
const GO_WINDOW_MS = 1_500;

// Overlays are their own chunks, fetched when first opened (the toasts' once the page
// is up): the first screen carries only what it shows.
const loadPalette = () => import("./CommandPalette");
const loadShortcuts = () => import("./ShortcutSheet");
const loadComposer = () => import("../features/composer/Composer");
const CommandPalette = lazyPage(loadPalette, "CommandPalette");
const ShortcutSheet = lazyPage(loadShortcuts, "ShortcutSheet");
const Composer = lazyPage(loadComposer, "Composer");
const Toasts = lazyPage(() => import("./Toasts"), "Toasts");

/** Runs `run` when the page is next idle; answers how to call it off. */
function whenIdle(run: () => void): () => void {
  // Safari has no requestIdleCallback: a timer stands in.
  if (!("requestIdleCallback" in window)) {
    const timer = setTimeout(run, 700);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(run, { timeout: 5_000 });
  return () => cancelIdleCallback(id);
}

/**
 * Runs `run` at the page's first key, click, touch or wheel: a visitor who only reads
 * (a phone that opened a shared link) never pays for the overlays' code while the
 * page is still loading.
 */
function whenUsed(run: () => void): () => void {
  const kinds = ["keydown", "pointerdown", "touchstart", "wheel"] as const;
  const stop = () => kinds.forEach((kind) => removeEventListener(kind, once, true));
  const once = () => {
    stop();
    run();
  };
  kinds.forEach((kind) => addEventListener(kind, once, { capture: true, passive: true }));
  return stop;
}

/**
 * Fetches the overlays' chunks once the page is idle, one per idle moment (each is a
 * short task, never one long one on a slow phone), and then mounts them (closed, as a
 * transition React may interrupt), so a hotkey finds them ready. True once they are.
 * A visitor's page leaves out what only a member uses (the composer, the outbox): a
 * visitor who asks for one gets it then. On a visitor's page the fetching starts once
 * the page is used, not as soon as it loads.
 */
function usePrefetchOverlays(member: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const loads = [loadPalette, loadShortcuts, loadDialog, ...(member ? [loadComposer, loadOutboxDialog] : [])];
    let stopped = false;
    let cancel = () => {};
    const next = () => {
      if (stopped) return;
      const load = loads.shift();
      if (!load) return startTransition(() => setReady(true));
      cancel = whenIdle(() => void load().then(next));
    };
    if (member) next();
    else cancel = whenUsed(next);
    return () => {
      stopped = true;
      cancel();
    };
  }, [member]);
  return ready;
}

/**
 * The section a path belongs to ("/posts/7" is the feed's): the error boundary resets
 * when the section changes, not when its selection does (which would remount the
 * section and lose its list's scroll).
 */
function sectionOf(pathname: string): string {
  const first = pathname.split("/")[1] ?? "";
  return first === "posts" ? "" : first;
}

/** The desktop frame every feature lives in: rail, top bar, content, overlays. */
export function Shell() {
  const ui = useUi();
  const { pathname } = useLocation();
  const searchRef = useRef<HTMLInputElement>(null);
  const member = !useIsVisitor();
  const overlaysReady = usePrefetchOverlays(member);
  const { t } = useI18n();
  useRememberMember();
  useInstalledApp();
  const paletteLoaded = useEver(ui.paletteOpen) || overlaysReady;
  const shortcutsLoaded = useEver(ui.shortcutsOpen) || overlaysReady;
  const composerLoaded = useEver(ui.composerOpen) || (overlaysReady && member);
  // "g" then a letter goes to a section (as GitHub and Gmail): the letter counts for a
  // moment after the "g"; otherwise it is free for its own use ("n" a new post, "c" a comment).
  const navigate = useNavigate();
  const goStarted = useRef(Number.NEGATIVE_INFINITY);
  const goTo = (event: KeyboardEvent) => {
    const target = goTargets[event.key];
    if (!target || event.timeStamp - goStarted.current > GO_WINDOW_MS) return false;
    goStarted.current = Number.NEGATIVE_INFINITY;
    void navigate(target.path);
    return true;
  };
  useHotkeys({
    mod: { k: () => ui.setPaletteOpen(!ui.paletteOpen) },
    keys: {
      "?": () => ui.setShortcutsOpen(true),
      "/": () => searchRef.current?.focus(),
      g: (event) => {
        goStarted.current = event.timeStamp;
      },
      n: (event) => {
        if (!goTo(event)) ui.setComposerOpen(true);
      },
      ...Object.fromEntries(Object.keys(goTargets).flatMap((key) => (key === "n" ? [] : [[key, goTo]]))),
    },
    enabled: !ui.composerOpen,
  });
  return (
    <>
      {/* The first Tab stop: past the rail and the top bar, to what the page is about. */}
      <a
        href="#content"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById("content")?.focus();
        }}
      >
        {t("shell.skipToContent")}
      </a>
      <div className="shell" data-overlays-ready={overlaysReady || undefined}>
        <NavRail />
        <div className="shell__main">
          <TopBar ref={searchRef} />
          <main id="content" className="shell__content" tabIndex={-1}>
            <OAuthNotice />
            {/* A page that fails to render leaves the shell working; going elsewhere recovers. */}
            <ErrorBoundary
              key={sectionOf(pathname)}
              address={pathname}
              fallback={(reference) => <ErrorPage reference={reference} />}
              notFound={<NotFoundPage />}
            >
              <Suspense fallback={<PageSkeleton />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </main>
        </div>
        <Suspense fallback={ui.paletteOpen && <PaletteLoading />}>{paletteLoaded && <CommandPalette />}</Suspense>
        <Suspense fallback={null}>
          {shortcutsLoaded && <ShortcutSheet />}
          {composerLoaded && <Composer />}
        </Suspense>
      </div>
      {/* Outside the shell's grid: sonner's wrapper would take a row of its own. */}
      <Suspense fallback={null}>
        <Toasts />
      </Suspense>
    </>
  );
}
