import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import type { ManifestOptions } from "vite-plugin-pwa";

/** The installed app: its names, colours and shortcuts (icons are added by the PWA assets step). */
export const manifest: Partial<ManifestOptions> = {
  id: "/",
  name: "OrGo",
  short_name: "OrGo",
  description: "People learning to program share what they learned, study together, find mentors and chat.",
  lang: "en",
  start_url: "/",
  scope: "/",
  display: "standalone",
  // The app's light and dark backgrounds (src/ui/styles/tokens.css); the bar follows the scheme where supported.
  theme_color: "#f6f7f9",
  background_color: "#f6f7f9",
  categories: ["education", "social"],
  shortcuts: [
    { name: "New post", short_name: "Post", url: "/?compose", icons: [{ src: "/pwa-192x192.png", sizes: "192x192" }] },
    { name: "Chat", url: "/chat", icons: [{ src: "/pwa-192x192.png", sizes: "192x192" }] },
    { name: "Notifications", url: "/notifications", icons: [{ src: "/pwa-192x192.png", sizes: "192x192" }] },
  ],
};

const korean: Partial<ManifestOptions> = {
  name: "오르고",
  short_name: "오르고",
  description: "프로그래밍을 배우는 사람들이 배운 것을 나누고, 함께 공부하고, 멘토를 찾고, 이야기하는 곳",
  lang: "ko",
  shortcuts: [
    { name: "새 글", url: "/?compose", icons: [{ src: "/pwa-192x192.png", sizes: "192x192" }] },
    { name: "채팅", url: "/chat", icons: [{ src: "/pwa-192x192.png", sizes: "192x192" }] },
    { name: "알림", url: "/notifications", icons: [{ src: "/pwa-192x192.png", sizes: "192x192" }] },
  ],
};

/**
 * manifest.ko.webmanifest beside the built manifest: the same app (same id, icons and
 * colours) named in Korean. The app points its <link rel="manifest"> at the reader's.
 */
export function koreanManifest(): Plugin {
  return {
    name: "orgo-korean-manifest",
    apply: "build",
    closeBundle: {
      order: "pre",
      handler() {
        const dist = path.resolve(import.meta.dirname, "dist");
        const english = JSON.parse(readFileSync(path.join(dist, "manifest.webmanifest"), "utf8")) as ManifestOptions;
        writeFileSync(path.join(dist, "manifest.ko.webmanifest"), JSON.stringify({ ...english, ...korean }));
      },
    },
  };
}
