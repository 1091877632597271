import type { IncomingMessage, ServerResponse } from "node:http";
import type { WebSocket } from "ws";
import { TRPCError } from "@trpc/server";
import { appErrorCodes } from "@orgo/api-contract";
import { isUnreachableDatabaseError } from "@orgo/db";
import { unavailable, type Services, type TCallReport, type TContext } from "@orgo/api-contract/server";
import type { Logger } from "../logger.js";
import type { RequestAuth } from "../sessions/request-auth.js";
import { ConnectionBudget, TOO_MANY_SOCKETS_CLOSE_CODE, type SocketLimits } from "../live/socket-limits.js";
import type { SessionSockets } from "../live/session-sockets.js";
import type { PresenceTracker } from "../presence/presence-tracker.js";
import type { ClientIp } from "../http/client-ip.js";

/** This tab's presence reports, tied to its socket (an object per tab, not a closure). */
class TabPresence {
  constructor(
    private readonly tracker: PresenceTracker,
    private readonly userId: string,
    private readonly socket: WebSocket,
  ) {}

  report(visible: boolean) {
    this.tracker.report(this.userId, this.socket, visible);
  }
}

export interface ContextDeps {
  services: Services;
  auth: RequestAuth;
  logger: Logger;
  sessionSockets: SessionSockets;
  clientIp: ClientIp;
  socketLimits: SocketLimits;
  presence: PresenceTracker;
}

type Transport = { kind: "http"; res: ServerResponse } | { kind: "websocket"; socket: WebSocket };

/**
 * One context for HTTP and websocket alike: the viewer comes from the session
 * cookie, for websockets the cookie of the upgrade request.
 */
export function createContextFactory({
  services,
  auth,
  logger,
  sessionSockets,
  clientIp,
  socketLimits,
  presence,
}: ContextDeps) {
  function cookiesFor(res: ServerResponse): TContext["cookies"] {
    return {
      setSession: (token, expiresAt) => auth.setSession(res, token, expiresAt),
      clearSession: () => auth.clearSession(res),
      setSignUp: (token, expiresAt) => auth.setSide(res, "signup", token, expiresAt),
      clearSignUp: () => auth.setSide(res, "signup", ""),
      setTrustedDevice: (token) => auth.setSide(res, "device", token),
    };
  }

  // One function for every socket's calls (a closure per socket would be its memory).
  const reportWebsocketCall = (call: TCallReport) =>
    logger.info(
      {
        requestId: call.requestId,
        transport: "websocket",
        procedure: call.path,
        type: call.type,
        status: call.ok ? "ok" : call.code,
        durationMs: call.durationMs,
      },
      "call",
    );

  return async (req: IncomingMessage, requestId: string, transport: Transport): Promise<TContext> => {
    const viewer = await auth
      .viewerOf(req, transport.kind === "http" ? transport.res : null)
      .catch((error: unknown) => {
        // The session lives in the database: without it, a 503 the client may retry, not a 500.
        if (!isUnreachableDatabaseError(error)) throw error;
        const cause = unavailable(requestId);
        throw new TRPCError({ code: appErrorCodes[cause.code], message: cause.message, cause });
      });
    // A websocket keeps the viewer of its upgrade; remember it so a revocation can close it.
    if (viewer && transport.kind === "websocket") {
      if (sessionSockets.count(viewer.sessionId) >= socketLimits.perSession) {
        transport.socket.close(TOO_MANY_SOCKETS_CLOSE_CODE, "Too many connections for this session");
      }
      sessionSockets.add(viewer.sessionId, transport.socket);
      presence.connect(viewer.userId, transport.socket);
    }
    return {
      services,
      requestId,
      viewer,
      isUnavailable: isUnreachableDatabaseError,
      device: {
        userAgent: req.headers["user-agent"] ?? "",
        ip: clientIp(req),
        signUpToken: auth.readSide(req, "signup"),
        deviceToken: auth.readSide(req, "device"),
      },
      cookies: transport.kind === "http" ? cookiesFor(transport.res) : null,
      budget: transport.kind === "websocket" ? new ConnectionBudget(socketLimits) : undefined,
      presence:
        viewer && transport.kind === "websocket"
          ? new TabPresence(presence, viewer.userId, transport.socket)
          : undefined,
      // HTTP requests get their access line from the server; websocket calls share
      // one connection, so each call logs its own.
      reportCall: transport.kind === "websocket" ? reportWebsocketCall : undefined,
    };
  };
}
