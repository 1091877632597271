// `npm run dev`: the API restarting on change (tsx watch) on :3000 and Vite with hot
// reload on :5173, which proxies /trpc (HTTP and websocket) to the API so the
// browser sees a single origin. Open http://localhost:5173.
import { ensureReady } from "./ensure-ready.mjs";
import { pnpm } from "./pnpm.mjs";

ensureReady();
const webPort = process.env.WEB_DEV_PORT ?? "5173";
pnpm(["exec", "turbo", "run", "dev", "--filter=@orgo/api", "--filter=@orgo/web"], {
  env: {
    NODE_ENV: "development",
    ALLOWED_ORIGINS:
      process.env.ALLOWED_ORIGINS ?? `http://localhost:${webPort},http://localhost:${process.env.PORT ?? 3000}`,
  },
});
