import { execFileSync } from "node:child_process";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";
import type { Plugin } from "vite";

/**
 * The app's scripts at low fetch priority: they are modules (deferred, never
 * render-blocking), and index.html's frame, its CSS and the first data come first. Lighthouse's
 * simulation otherwise counts high-priority scripts as blocking the first paint.
 */
function scriptsAtLowPriority(): Plugin {
  return {
    name: "orgo-scripts-low-priority",
    transformIndexHtml: {
      order: "post",
      handler: (html) =>
        html
          .replace(/<script type="module"/g, '<script type="module" fetchpriority="low"')
          .replace(/<link rel="modulepreload"/g, '<link rel="modulepreload" fetchpriority="low"'),
    },
  };
}

/** The build's release, as error reports name it: the commit it was built from. */
function release(): string {
  if (process.env.ORGO_RELEASE) return process.env.ORGO_RELEASE;
  try {
    return execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

const apiTarget = process.env.ORGO_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [
    react(),
    scriptsAtLowPriority(),
    // Brotli and gzip copies beside every text asset, sent as they are by the API
    // (sirv) and by nginx (brotli_static / gzip_static): nothing compressed per request.
    compression({ algorithms: ["brotliCompress", "gzip"], exclude: [/\.map$/], logLevel: "silent" }),
  ],
  define: { __ORGO_RELEASE__: JSON.stringify(release()) },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    // Dev mode keeps one origin: the browser talks only to Vite, which forwards
    // tRPC (HTTP and websocket), the OAuth round trips, uploads and the dev outbox
    // to the API. Mail links and OAuth callbacks point here (the first allowed
    // origin that scripts/dev.mjs sets is Vite's).
    proxy: {
      "/trpc": { target: apiTarget, ws: true, changeOrigin: true },
      "/auth/": { target: apiTarget, changeOrigin: true },
      "/uploads/": { target: apiTarget, changeOrigin: true },
      "/dev/outbox": apiTarget,
      "/healthz": apiTarget,
    },
  },
  build: {
    // Source maps are made for us, not published: scripts/private-source-maps.mjs
    // moves them out of dist/ into source-maps/ (to read client error reports).
    sourcemap: "hidden",
    chunkSizeWarningLimit: 800,
  },
});
