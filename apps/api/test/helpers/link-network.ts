import http from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import sharp from "sharp";

/**
 * The network link-preview tests read: a page server on 127.0.0.2 standing in for a
 * public site (the one address the safe fetch is told to allow), a "private" server on
 * 127.0.0.1 that must never be reached (it counts every request), and a resolver
 * standing in for DNS: news.example → the page server, intranet.example → 10.0.0.1,
 * loopback.example → 127.0.0.1.
 */
export async function startLinkNetwork() {
  const picture = await sharp({ create: { width: 1200, height: 630, channels: 3, background: "#2f6df6" } })
    .png()
    .toBuffer();
  const hits = new Map<string, number>();
  let privateHits = 0;
  const privateServer = http.createServer((_req, res) => {
    privateHits += 1;
    res.writeHead(200, { "content-type": "text/html" }).end("<title>internal admin</title>");
  });
  await listen(privateServer, "127.0.0.1");
  const privatePort = (privateServer.address() as AddressInfo).port;

  const pages: Record<string, (res: http.ServerResponse) => void> = {
    "/article": (res) =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html><head>
        <title>Fallback title</title>
        <meta property="og:title" content="Understanding EXPLAIN ANALYZE">
        <meta property="og:description" content="How PostgreSQL runs your query, node by node.">
        <meta property="og:site_name" content="Postgres Notes">
        <meta property="og:image" content="/cover.png">
        </head><body>…</body></html>`),
    "/plain": (res) =>
      res
        .writeHead(200, { "content-type": "text/html" })
        .end(`<html><head><title>Just a title</title><meta name="description" content="A plain page."></head></html>`),
    "/cover.png": (res) => res.writeHead(200, { "content-type": "image/png" }).end(picture),
    "/claims-pdf": (res) =>
      res.writeHead(200, { "content-type": "application/pdf" }).end("<html><title>x</title></html>"),
    "/huge": (res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<html><head><title>Huge</title></head><body>${"x".repeat(2 * 1024 * 1024)}</body></html>`);
    },
    "/to-private": (res) => res.writeHead(302, { location: `http://127.0.0.1:${privatePort}/secret` }).end(),
    "/to-metadata": (res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-file": (res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
    "/to-article": (res) => res.writeHead(301, { location: "/article" }).end(),
  };
  const pageServer = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const page = pages[path];
    if (page) page(res);
    else res.writeHead(404, { "content-type": "text/html" }).end("<title>Not found</title>");
  });
  await listen(pageServer, "127.0.0.2");
  const port = (pageServer.address() as AddressInfo).port;

  const names: Record<string, string> = {
    "news.example": "127.0.0.2",
    "intranet.example": "10.0.0.1",
    "loopback.example": "127.0.0.1",
  };
  const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const address = names[hostname];
    if (!address) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
      return;
    }
    if (options.all) callback(null, [{ address, family: 4 }]);
    else callback(null, address, 4);
  }) as unknown as LookupFunction;

  return {
    /** A page of the public stand-in, by its name. */
    page: (path: string) => `http://news.example:${port}${path}`,
    privatePort,
    hitsOf: (path: string) => hits.get(path) ?? 0,
    privateHits: () => privateHits,
    /** What the app's safe fetch is given. */
    options: { lookup, allowAddresses: ["127.0.0.2"] },
    async close() {
      await Promise.all([close(pageServer), close(privateServer)]);
    },
  };
}

const listen = (server: http.Server, host: string) =>
  new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
