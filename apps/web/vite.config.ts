import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const apiTarget = process.env.ORGO_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
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
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
});
