import { existsSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import sirv from "sirv";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves the built SPA. Vite names assets by content hash, so they may be cached
 * forever; index.html must be revalidated so a deploy is picked up at once. Unknown
 * paths fall back to index.html (client-side routes).
 */
export function createStaticHandler(distDir: string): Handler {
  if (!existsSync(path.join(distDir, "index.html"))) {
    return (_req, res) => {
      res.statusCode = 503;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("The web client is not built. Run `npm start` (it builds it) or `pnpm --filter @orgo/web build`.");
    };
  }
  const serve = sirv(distDir, {
    single: true,
    etag: true,
    gzip: false,
    brotli: false,
    setHeaders(res, pathname) {
      res.setHeader(
        "Cache-Control",
        pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  return (req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end("Not found");
    });
}
