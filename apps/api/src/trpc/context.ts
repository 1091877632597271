import type { IncomingMessage, ServerResponse } from "node:http";
import type { WebSocket } from "ws";
import type { Services, TContext, TViewer } from "@orgo/api-contract";
import type { Logger } from "../logger.js";
import type { SessionService } from "../auth/session.service.js";
import type { SessionSockets } from "../auth/session-sockets.js";
import { readSessionToken, serializeClearedSessionCookie, serializeSessionCookie } from "../auth/session-cookie.js";

export interface ContextDeps {
  services: Services;
  sessions: SessionService;
  logger: Logger;
  secureCookies: boolean;
  sessionSockets: SessionSockets;
}

type Transport = { kind: "http"; res: ServerResponse } | { kind: "websocket"; socket: WebSocket };

/**
 * One context for HTTP and websocket alike: the viewer comes from the session
 * cookie, for websockets the cookie of the upgrade request. Only HTTP responses can
 * carry Set-Cookie, so renewals and clean-ups of the cookie happen there.
 */
export function createContextFactory({ services, sessions, logger, secureCookies, sessionSockets }: ContextDeps) {
  async function resolveViewer(req: IncomingMessage, res: ServerResponse | null): Promise<TViewer | null> {
    const token = readSessionToken(req, secureCookies);
    if (!token) return null;
    const validated = await sessions.validate(token);
    if (!validated) {
      res?.appendHeader("Set-Cookie", serializeClearedSessionCookie(secureCookies));
      return null;
    }
    if (validated.renewed) {
      res?.appendHeader("Set-Cookie", serializeSessionCookie(token, validated.session.expiresAt, secureCookies));
    }
    return { userId: validated.session.userId, sessionId: validated.session.id };
  }

  function cookiesFor(res: ServerResponse): TContext["cookies"] {
    return {
      setSession: (token, expiresAt) =>
        res.appendHeader("Set-Cookie", serializeSessionCookie(token, expiresAt, secureCookies)),
      clearSession: () => res.appendHeader("Set-Cookie", serializeClearedSessionCookie(secureCookies)),
    };
  }

  return async (req: IncomingMessage, requestId: string, transport: Transport): Promise<TContext> => {
    const viewer = await resolveViewer(req, transport.kind === "http" ? transport.res : null);
    // A websocket keeps the viewer of its upgrade; remember it so a revocation can close it.
    if (viewer && transport.kind === "websocket") sessionSockets.add(viewer.sessionId, transport.socket);
    return {
      services,
      requestId,
      viewer,
      device: { userAgent: req.headers["user-agent"] ?? "", ip: req.socket.remoteAddress ?? "" },
      cookies: transport.kind === "http" ? cookiesFor(transport.res) : null,
      // HTTP requests get their access line from the server; websocket calls share
      // one connection, so each call logs its own.
      reportCall:
        transport.kind === "websocket"
          ? (call) =>
              logger.info(
                {
                  requestId,
                  transport: "websocket",
                  procedure: call.path,
                  type: call.type,
                  status: call.ok ? "ok" : call.code,
                  durationMs: call.durationMs,
                },
                "call",
              )
          : undefined,
    };
  };
}
