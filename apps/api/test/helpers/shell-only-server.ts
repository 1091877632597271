import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
};

/**
 * What a browser meets when the API is away behind a proxy that still serves the
 * built SPA: the files (index.html for any page address), 502 for the API's paths,
 * and websocket upgrades dropped. Listens on `port` (the app's, so the page's origin
 * stays the same) until closed.
 */
export async function serveShellOnly(distDir: string, port: number): Promise<{ close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (/^\/(trpc|auth|uploads|readyz|healthz|api)(\/|$)/.test(url.pathname)) {
      res.writeHead(502, { "content-type": "text/plain" }).end("Bad Gateway");
      return;
    }
    const file = path.join(distDir, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ""));
    const type = TYPES[path.extname(file)];
    void readFile(type ? file : path.join(distDir, "index.html"))
      .then((body) => res.writeHead(200, { "content-type": type ?? TYPES[".html"]! }).end(body))
      .catch(() => res.writeHead(404).end());
  });
  server.on("upgrade", (_req, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
