import type { ToWindow } from "../sw/messages";

/** The service worker vite-plugin-pwa builds from src/sw/service-worker.ts. */
const SCRIPT = "/service-worker.js";
/** How long "Reload" waits for the new version to take over before reloading anyway. */
const RELOAD_FALLBACK_MS = 3_000;

/**
 * Registers the service worker once the page is loaded and idle (its precache downloads
 * never compete with the first screen). `onUpdate` is told when a new version waits:
 * calling the `reload` it gets activates it and reloads every OrGo tab. `onOpen` is told
 * when a push notification was clicked while this window was open.
 */
export function startServiceWorker(handlers: {
  onUpdate: (reload: () => void) => void;
  onOpen: (path: string) => void;
}): () => void {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD) return () => {};
  const onMessage = (event: MessageEvent) => {
    const message = event.data as ToWindow | null;
    if (message?.type === "orgo:open") handlers.onOpen(message.path);
  };
  navigator.serviceWorker.addEventListener("message", onMessage);
  let stopped = false;
  const register = async () => {
    const { Workbox } = await import("workbox-window");
    if (stopped) return;
    const workbox = new Workbox(SCRIPT, { scope: "/" });
    let asked = false;
    workbox.addEventListener("waiting", () =>
      handlers.onUpdate(() => {
        asked = true;
        workbox.messageSkipWaiting();
        // Asked for, a reload always comes: should the new version not take over (it did
        // already, from another tab; the message reached a worker since replaced), this
        // one reloads into whatever is in control after a moment.
        setTimeout(() => location.reload(), RELOAD_FALLBACK_MS);
      }),
    );
    // The new version took over: this tab reloads if it asked; another tab (its code is
    // the old version's now) offers the reload instead of doing it under someone typing.
    workbox.addEventListener("controlling", (event) => {
      if (!event.isUpdate) return;
      if (asked) location.reload();
      else handlers.onUpdate(() => location.reload());
    });
    await workbox.register();
  };
  const start = () => {
    const run = () => void register().catch(() => undefined);
    // Safari has no requestIdleCallback: a moment later stands in.
    if ("requestIdleCallback" in window) requestIdleCallback(run, { timeout: 5_000 });
    else setTimeout(run, 1_000);
  };
  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true });
  return () => {
    stopped = true;
    navigator.serviceWorker.removeEventListener("message", onMessage);
  };
}

/** The number on the installed app's icon (unread notifications and chat), where the platform has one. */
export function setAppBadge(count: number): void {
  if (!("setAppBadge" in navigator)) return;
  void (count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge()).catch(() => undefined);
}
