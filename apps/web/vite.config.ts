import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const apiTarget = process.env.ORGO_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    // Dev mode keeps one origin: the browser talks only to Vite, which forwards
    // tRPC (HTTP and websocket) to the API with the browser's Origin rewritten.
    proxy: {
      "/trpc": { target: apiTarget, ws: true, changeOrigin: true },
      "/healthz": apiTarget,
    },
  },
  build: {
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
});
