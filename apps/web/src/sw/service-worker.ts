// The service worker (vite-plugin-pwa builds it, injecting the precache list): the
// app's shell and code open instantly and offline, a new version waits until the
// person reloads, and Web Push is shown even with every OrGo tab closed. Nothing
// private is cached: tRPC answers, uploads, sign-in and mail links always go to the
// network (the outbox in the app keeps writes made offline).
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import type { TPushPayload as PushPayload } from "@orgo/api-contract/schemas";
import type { ToWindow } from "./messages";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every app route opens the shell; what the server answers itself never comes from here.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("index.html"), {
    denylist: [/^\/(trpc|auth|uploads|dev|mail|metrics|healthz|readyz)(\/|$)/],
  }),
);

// "Reload to update": the page asks, once the person chose to.
self.addEventListener("message", (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

self.addEventListener("push", (event: PushEvent) => {
  let payload: PushPayload;
  try {
    payload = event.data?.json() as PushPayload;
  } catch {
    return;
  }
  if (!payload?.title) return;
  event.waitUntil(show(payload));
});

async function show(payload: PushPayload) {
  // The badge on the installed app's icon, where the platform has one.
  if ("setAppBadge" in self.navigator) {
    await (payload.badge > 0 ? self.navigator.setAppBadge(payload.badge) : self.navigator.clearAppBadge()).catch(
      () => undefined,
    );
  }
  await self.registration.showNotification(payload.title, {
    body: payload.body,
    // A burst in one room, or a notification growing, replaces what is on screen.
    tag: payload.tag,
    icon: "/pwa-192x192.png",
    badge: "/pwa-64x64.png",
    lang: self.navigator.language,
    data: { url: payload.url },
  });
}

self.addEventListener("notificationclick", (event: NotificationEvent) => {
  event.notification.close();
  const path = (event.notification.data as { url?: string } | null)?.url ?? "/";
  // Only paths of this app: a payload never sends anyone elsewhere.
  const url = new URL(path.startsWith("/") && !path.startsWith("//") ? path : "/", self.location.origin);
  event.waitUntil(openAt(url));
});

/** Focuses an open OrGo window and shows the item there, or opens a window at it. */
async function openAt(url: URL) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === url.origin);
  if (open) {
    const message: ToWindow = { type: "orgo:open", path: url.pathname + url.search + url.hash };
    open.postMessage(message);
    // Allowed from a notification's click; the window shows the item either way.
    await open.focus().catch(() => undefined);
    return;
  }
  await self.clients.openWindow(url.href);
}
