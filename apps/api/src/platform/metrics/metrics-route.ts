import { createHash, timingSafeEqual } from "node:crypto";
import type { HttpRoute } from "../server/server.js";
import { sendJson } from "../http/respond.js";
import type { Metrics } from "./metrics.js";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * GET /metrics for Prometheus, never public: only with `Authorization: Bearer
 * <METRICS_TOKEN>` (compared in constant time); without a configured token it does
 * not exist (404). Behind nginx, the public server block does not pass it either.
 */
export function createMetricsRoute(metrics: Metrics, token: string | null): HttpRoute {
  const expected = token ? digest(token) : null;
  return (req, res, url) => {
    if (url.pathname !== "/metrics") return false;
    if (!expected) return (sendJson(res, 404, { error: { code: "NOT_FOUND" } }), true);
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      return (sendJson(res, 401, { error: { code: "UNAUTHENTICATED" } }), true);
    }
    return metrics.render().then((text) => {
      res.writeHead(200, { "Content-Type": metrics.contentType, "Cache-Control": "no-store" });
      res.end(text);
    });
  };
}
