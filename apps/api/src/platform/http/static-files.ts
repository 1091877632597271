import { existsSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import sirv from "sirv";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves the built SPA. Vite names assets by content hash, so they may be cached
 * forever; index.html must be revalidated so a deploy is picked up at once. Unknown
 * paths fall back to index.html (client-side routes). Files go out precompressed.
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
    etag: true,
    // The build writes .br and .gz copies; sirv picks one by Accept-Encoding.
    gzip: true,
    brotli: true,
    setHeaders(res, pathname) {
      res.setHeader(
        "Cache-Control",
        pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end("Not found");
  };
  return (req, res) =>
    serve(req, res, () => {
      // A missing script or a source map is a 404, never the page in its place (a
      // stale tab asking for an old chunk must fail loudly and reload).
      const pathname = (req.url ?? "/").split("?")[0]!;
      if (pathname.startsWith("/assets/") || pathname.endsWith(".map")) return notFound(res);
      req.url = "/index.html";
      serve(req, res, () => notFound(res));
    });
}
