import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";
import { VitePWA } from "vite-plugin-pwa";
import { koreanManifest, manifest } from "./app-manifest.ts";
import { icuPrecompile } from "./icu-precompile.ts";
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

/**
 * Which files the first screen runs, for scripts/check-budget.mjs: the entry and the app
 * chunk it imports after the first paint (src/start.tsx), each with everything it
 * imports statically, and the language table each reader loads before the first
 * render. Written beside dist/, not into it: it is for the build, not served.
 */
function firstScreenReport(): Plugin {
  return {
    name: "orgo-first-screen-report",
    apply: "build",
    writeBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === "chunk");
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const holding = (module: string) => chunks.find((c) => c.moduleIds.includes(module));
      const roots = chunks.filter((c) => c.isEntry || c.moduleIds.includes(startModule));
      const english = holding(path.resolve(import.meta.dirname, "src/i18n/messages.ts"));
      const korean = holding(path.resolve(import.meta.dirname, "src/i18n/messages-ko.ts"));
      if (roots.length !== 2 || !english || !korean) {
        this.error("first-screen report: expected the entry, the start chunk and a chunk per language table");
      }
      const files = new Set<string>();
      const visit = (fileName: string) => {
        if (files.has(fileName)) return;
        files.add(fileName);
        for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const root of roots) visit(root.fileName);
      const report = { shared: [...files], en: [english.fileName], ko: [korean.fileName] };
      writeFileSync(path.join(options.dir!, "..", "first-screen.json"), JSON.stringify(report, null, 2));
    },
  };
}

const startModule = path.resolve(import.meta.dirname, "src/start.tsx");
const entryModule = path.resolve(import.meta.dirname, "src/main.ts");
// Reachable from the first screen through @orgo/api-contract/constants, but used only
// by what a refusal loads (the schemas, the Korean server messages): grouped into the
// start chunk, lazy chunks would import the whole English table from it.
const serverMessagesModule = path.join("packages", "api-contract", "src", "messages.ts");
let firstScreenModules: Set<string> | undefined;
type ChunkingContext = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };
/**
 * "start" for a module src/start.tsx reaches through static imports, else no group.
 * What the entry itself imports (Vite's preload helper) stays out: the entry would
 * otherwise import the start chunk statically, and run it before the first paint.
 */
function firstScreenChunk(id: string, ctx: ChunkingContext) {
  if (!firstScreenModules) {
    const reach = (from: string) => {
      const reached = new Set<string>();
      const visit = (moduleId: string) => {
        if (reached.has(moduleId)) return;
        reached.add(moduleId);
        for (const imported of ctx.getModuleInfo(moduleId)?.importedIds ?? []) visit(imported);
      };
      visit(from);
      return reached;
    };
    const entry = reach(entryModule);
    firstScreenModules = new Set([...reach(startModule)].filter((moduleId) => !entry.has(moduleId)));
  }
  // Icons: lucide-react's index reaches every one of them, so "reachable" says nothing;
  // left ungrouped, each goes with the chunks that draw it (a chat page's file icons
  // stay with the chat page), and the first screen's own icons still load with it.
  if (id.includes("lucide-react/dist/esm/icons/")) return null;
  if (firstScreenModules.has(id) && !id.endsWith(serverMessagesModule)) return "start";
  // Left to itself, the bundler would put Vite's preload helper in the start chunk too.
  return id.includes("vite/preload-helper") ? "preload-helper" : null;
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

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    icuPrecompile(),
    scriptsAtLowPriority(),
    firstScreenReport(),
    // The installable app: the manifest (and its Korean twin), icons made from
    // public/favicon.svg, and the service worker built from src/sw with the precache
    // list injected. It registers itself from the app (src/lib/service-worker.ts).
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/sw",
      filename: "service-worker.ts",
      injectRegister: false,
      manifest,
      pwaAssets: {
        image: "public/favicon.svg",
        preset: {
          transparent: { sizes: [64, 192, 512], favicons: [[48, "favicon.ico"]] },
          // Full-bleed on the icon's own blue: platforms cut maskable icons to their shape.
          maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: "#2f6df6" } },
          apple: { sizes: [180], padding: 0.3, resizeOptions: { background: "#2f6df6" } },
        },
      },
      injectManifest: {
        // A classic script: every browser with push runs it (module service workers are newer).
        rollupFormat: "iife",
        // Everything the app may open offline; never source maps or the precompressed copies.
        globPatterns: ["**/*.{js,css,html,svg,png,ico,woff2}"],
        globIgnores: ["**/*.map"],
      },
    }),
    koreanManifest(),
    // Brotli and gzip copies beside every text asset, sent as they are by the API
    // (sirv) and by nginx (brotli_static / gzip_static): nothing compressed per request.
    compression({ algorithms: ["brotliCompress", "gzip"], exclude: [/\.map$/], logLevel: "silent" }),
  ],
  define: { __ORGO_RELEASE__: JSON.stringify(release()) },
  // The built client's messages arrive parsed (icu-precompile.ts): it formats them
  // without the ICU parser. Dev and tests keep the parser and format the text itself.
  resolve:
    command === "build"
      ? {
          alias: [
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: "@formatjs/icu-messageformat-parser/no-parser.js",
            },
          ],
        }
      : {},
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
    rolldownOptions: {
      output: {
        // The first screen's code in one chunk: all that src/start.tsx imports
        // statically. Left to itself the bundler splits out every module a route chunk
        // also uses, and each small chunk costs a request and its own compression.
        codeSplitting: { groups: [{ name: firstScreenChunk }] },
      },
    },
  },
}));
