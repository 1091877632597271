import type { IncomingMessage, ServerResponse } from "node:http";
import type { TViewer } from "@orgo/api-contract";
import type { SessionService } from "./session.service.js";
import {
  readSessionToken,
  readSideCookie,
  serializeClearedSessionCookie,
  serializeSessionCookie,
  serializeSideCookie,
  type SideCookie,
} from "./session-cookie.js";

/**
 * The session cookie, read the same way for tRPC over HTTP, the websocket upgrade
 * and the plain HTTP routes (OAuth, uploads). Only HTTP responses can carry
 * Set-Cookie, so renewals and clean-ups of the cookie happen when `res` is given.
 */
export function createRequestAuth({ sessions, secureCookies }: { sessions: SessionService; secureCookies: boolean }) {
  return {
    async viewerOf(req: IncomingMessage, res: ServerResponse | null): Promise<TViewer | null> {
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
      return {
        userId: validated.session.userId,
        sessionId: validated.session.id,
        signedInAtMs: validated.session.createdAt.getTime(),
      };
    },
    setSession(res: ServerResponse, token: string, expiresAt: Date) {
      res.appendHeader("Set-Cookie", serializeSessionCookie(token, expiresAt, secureCookies));
    },
    clearSession(res: ServerResponse) {
      res.appendHeader("Set-Cookie", serializeClearedSessionCookie(secureCookies));
    },
    readSide(req: IncomingMessage, kind: SideCookie): string | null {
      return readSideCookie(req, kind, secureCookies);
    },
    /** An empty value clears the cookie. */
    setSide(res: ServerResponse, kind: SideCookie, value: string, expiresAt?: Date) {
      res.appendHeader("Set-Cookie", serializeSideCookie(kind, value, secureCookies, expiresAt));
    },
  };
}

export type RequestAuth = ReturnType<typeof createRequestAuth>;
