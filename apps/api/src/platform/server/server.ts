import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { WebSocketServer } from "ws";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createLiveSocketServer } from "../live/live-socket-server.js";
import { createChannelHub } from "../live/channel-hub.js";
import { AppError, channels } from "@orgo/api-contract";
import { appRouter, type Services } from "@orgo/api-contract/server";
import type { RequestAuth } from "../sessions/request-auth.js";
import { createSessionSockets } from "../live/session-sockets.js";
import type { PresenceTracker } from "../presence/presence-tracker.js";
import { createSocketCounter } from "../live/socket-limits.js";
import type { EventBus } from "../events/event-bus.js";
import { MAX_CALLS_AT_ONCE, type Config } from "../config/config.js";
import type { Logger } from "../logger.js";
import { createContextFactory } from "./trpc-context.js";
import type { ClientIp } from "../http/client-ip.js";
import { isAllowedOrigin } from "../http/origin.js";
import { sendJson } from "../http/respond.js";
import { requestIdOf } from "../http/request-id.js";
import { requestContext } from "../http/request-context.js";
import { createSecurityHeaderSetter } from "../http/security-headers.js";
import { createStaticHandler } from "../http/static-files.js";
import type { Origins } from "../http/origins.js";

type ServerConfig = Pick<
  Config,
  | "port"
  | "host"
  | "webDistDir"
  | "wsMaxPayloadBytes"
  | "shutdownTimeoutMs"
  | "secureCookies"
  | "socketLimits"
  | "dbPoolSize"
>;

/** A plain HTTP route (OAuth, uploads, the dev outbox): handles the request, or answers false to pass. */
export type HttpRoute = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean | Promise<void>;

export interface ApiServer {
  listen(): Promise<AddressInfo>;
  /** Graceful: stop accepting, ask websocket clients to reconnect elsewhere, drain. */
  close(): Promise<void>;
  readonly httpServer: http.Server;
  /** Open websockets, and the channels and subscribers of the live fan-out, in this process. */
  liveStats(): { sockets: number; channels: number; subscribers: number; catchUps: number; gapFills: number };
}

const TRPC_PREFIX = "/trpc";
/** The largest tRPC request body over HTTP (posts are 40 000 characters at most). */
export const MAX_BODY_BYTES = 1_048_576;

/** One HTTP server, one port: tRPC over HTTP and websocket, health, and the SPA. */
export function createApiServer(options: {
  config: ServerConfig;
  /** Who may write and open websockets (read at request time). */
  origins: Origins;
  services: Services;
  auth: RequestAuth;
  clientIp: ClientIp;
  bus: EventBus;
  logger: Logger;
  /** Tried in order before the SPA. */
  routes?: HttpRoute[];
  /** Who is connected here, for presence. */
  presence: PresenceTracker;
  /** Extra readiness checks (Redis) beside the database. */
  readyChecks?: (() => Promise<boolean>)[];
  /** Each finished HTTP request: the tRPC procedures it called (or `http`), its status and duration. */
  onRequest?: (procedures: string[], status: number, seconds: number) => void;
}): ApiServer {
  const { config, services, logger } = options;
  const sessionSockets = createSessionSockets();
  const contextFor = createContextFactory({
    services,
    auth: options.auth,
    logger,
    sessionSockets,
    clientIp: options.clientIp,
    socketLimits: config.socketLimits,
    presence: options.presence,
  });
  const socketsPerIp = createSocketCounter(config.socketLimits.perIp);
  let stopListening: (() => void) | undefined;
  let shuttingDown = false;

  const trpcHttp = createHTTPHandler({
    router: appRouter,
    basePath: `${TRPC_PREFIX}/`,
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: MAX_CALLS_AT_ONCE,
    responseMeta({ errors }) {
      // Answers depend on who asks (auth.me carries the e-mail): no cache may keep them.
      const headers: Record<string, string> = { "Cache-Control": "no-store" };
      // Rate-limited callers learn when to come back from the standard header too.
      const wait = errors
        .map((error) => (error.cause instanceof AppError ? error.cause.details?.retryAfterSeconds : undefined))
        .find((seconds) => seconds !== undefined);
      if (wait !== undefined) headers["Retry-After"] = String(wait);
      return { headers };
    },
    createContext: ({ req, res }) =>
      contextFor(req, (req as RequestWithId).requestId ?? randomUUID(), { kind: "http", res }),
    onError: ({ error, path, ctx }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error.cause ?? error, procedure: path, requestId: ctx?.requestId }, "procedure failed");
      }
    },
  });
  const serveStatic = createStaticHandler(config.webDistDir);
  const setSecurityHeaders = createSecurityHeaderSetter({ https: config.secureCookies });

  const httpServer = http.createServer((req, res) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    (req as RequestWithId).requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    setSecurityHeaders(res);
    const url = new URL(req.url ?? "/", "http://internal");
    res.on("finish", () => {
      const durationMs = performance.now() - started;
      const procedure = url.pathname.startsWith(`${TRPC_PREFIX}/`)
        ? url.pathname.slice(TRPC_PREFIX.length + 1)
        : undefined;
      logger.info(
        {
          requestId,
          method: req.method,
          path: url.pathname,
          procedure,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        },
        "request",
      );
      options.onRequest?.(procedure ? procedure.split(",") : ["http"], res.statusCode, durationMs / 1000);
    });

    if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      void readiness().then((ok) => sendJson(res, ok ? 200 : 503, { status: ok ? "ready" : "not ready" }));
      return;
    }
    if (url.pathname === TRPC_PREFIX || url.pathname.startsWith(`${TRPC_PREFIX}/`)) {
      if (req.method !== "GET" && req.method !== "HEAD" && !isAllowedOrigin(req, options.origins.allowed)) {
        return sendJson(res, 403, { error: { message: "Cross-origin request refused", code: "FORBIDDEN" } });
      }
      // Known to what runs below it (the slow-statement report names the request).
      return requestContext.run({ requestId, procedure: url.pathname.slice(TRPC_PREFIX.length + 1) }, () =>
        trpcHttp(req, res),
      );
    }
    for (const route of options.routes ?? []) {
      const handled = route(req, res, url);
      if (handled === false) continue;
      if (handled !== true) {
        handled.catch((err: unknown) => {
          logger.error({ err, requestId, path: url.pathname }, "route failed");
          if (!res.headersSent) sendJson(res, 500, { error: { code: "INTERNAL", requestId } });
          else res.destroy();
        });
      }
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "Method not allowed" });
    serveStatic(req, res);
  });
  httpServer.keepAliveTimeout = 65_000;

  async function readiness(): Promise<boolean> {
    if (shuttingDown) return false;
    const checks = [services.system.ready(), ...(options.readyChecks ?? []).map((check) => check())];
    return (await Promise.all(checks)).every(Boolean);
  }

  // The live socket server keeps the open connections: ws's own tracking would add a
  // close listener (a closure) to every socket.
  const wss = new WebSocketServer({ noServer: true, clientTracking: false, maxPayload: config.wsMaxPayloadBytes });
  // Subscriptions starting at once (a reconnect storm) read with half the pool at most.
  const hub = createChannelHub(options.bus, { databaseReads: Math.max(1, Math.floor(config.dbPoolSize / 2)) });
  const liveSockets = createLiveSocketServer({
    router: appRouter,
    hub,
    createContext: (req, socket) =>
      contextFor(req, (req as RequestWithId).requestId ?? randomUUID(), { kind: "websocket", socket }),
    keepAlive: { pingMs: 30_000, pongWaitMs: 10_000 },
    maxBufferedBytes: config.socketLimits.maxBufferedBytes,
    onContextEnd: (socket, ctx) => {
      if (!ctx.viewer) return;
      sessionSockets.remove(ctx.viewer.sessionId, socket);
      options.presence.disconnect(ctx.viewer.userId, socket);
    },
    onClose: ({ code, durationMs, requestId, ip }) => {
      socketsPerIp.closed(ip);
      logger.info({ requestId, path: TRPC_PREFIX, transport: "websocket", code, durationMs }, "websocket closed");
    },
    onError: ({ error, path, ctx }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error.cause ?? error, procedure: path, requestId: ctx?.requestId }, "procedure failed");
      }
    },
  });
  httpServer.on("upgrade", (req, socket, head) => {
    const requestId = requestIdOf(req);
    (req as RequestWithId).requestId = requestId;
    const { pathname } = new URL(req.url ?? "/", "http://internal");
    const refuse = (status: number, text: string) => {
      logger.info(
        { requestId, path: pathname, transport: "websocket", status, origin: req.headers.origin },
        "upgrade refused",
      );
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (pathname !== TRPC_PREFIX) return refuse(404, "Not Found");
    if (shuttingDown) return refuse(503, "Service Unavailable");
    if (!isAllowedOrigin(req, options.origins.allowed)) return refuse(403, "Forbidden");
    const ip = options.clientIp(req);
    if (!socketsPerIp.admit(ip)) return refuse(429, "Too Many Requests");
    wss.handleUpgrade(req, socket, head, (ws) => {
      socketsPerIp.opened(ip);
      logger.info({ requestId, path: pathname, transport: "websocket", status: 101 }, "websocket opened");
      liveSockets.accept(ws, req, { requestId, ip });
    });
  });

  return {
    httpServer,
    liveStats: () => ({ sockets: liveSockets.size(), ...hub.stats() }),
    async listen() {
      // Sign-out on any process closes this process's sockets of that session.
      stopListening = await options.bus.subscribe(channels.sessions, (event) => {
        if (event.type !== "session.revoked") return;
        const closed = sessionSockets.close(event.data.sessionIds);
        if (closed)
          logger.info(
            { sessions: event.data.sessionIds.length, sockets: closed },
            "closed revoked sessions' websockets",
          );
      });
      return new Promise<AddressInfo>((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(config.port, config.host, () => resolve(httpServer.address() as AddressInfo));
      });
    },
    async close() {
      shuttingDown = true;
      stopListening?.();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Clients reconnect (to another process behind the proxy, or to us after a restart)
      // and resume their subscriptions from their last event id.
      liveSockets.broadcastReconnectNotification();
      httpServer.closeIdleConnections();
      const deadline = setTimeout(() => {
        httpServer.closeAllConnections();
        liveSockets.terminateAll();
      }, config.shutdownTimeoutMs);
      liveSockets.closeAll(1012, "Server restarting");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await closed;
      clearTimeout(deadline);
      liveSockets.close();
    },
  };
}

type RequestWithId = http.IncomingMessage & { requestId?: string };
