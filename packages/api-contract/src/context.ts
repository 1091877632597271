import type { Services } from "./services.js";

export interface TViewer {
  userId: string;
  sessionId: string;
  /** When this session was opened: deleting an OAuth-only account needs a recent sign-in. */
  signedInAt: Date;
}

/** Built by the server for every HTTP request and every websocket connection. */
export interface TContext {
  services: Services;
  requestId: string;
  viewer: TViewer | null;
  device: { userAgent: string; ip: string };
  /** Present on HTTP only: websocket frames cannot set cookies. */
  cookies: { setSession(token: string, expiresAt: Date): void; clearSession(): void } | null;
  /** Called once per procedure call; websocket transports log their access lines with it. */
  reportCall?: (call: TCallReport) => void;
}

export interface TCallReport {
  path: string;
  type: "query" | "mutation" | "subscription";
  durationMs: number;
  ok: boolean;
  code?: string;
}
