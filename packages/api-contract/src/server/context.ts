import type { Services } from "./services.js";
import type { TDevice, TViewer } from "../viewer.js";

/** Built by the server for every HTTP request and every websocket connection. */
export interface TContext {
  services: Services;
  requestId: string;
  viewer: TViewer | null;
  device: TDevice;
  /** Present on HTTP only: websocket frames cannot set cookies. */
  cookies: {
    setSession(token: string, expiresAt: Date): void;
    clearSession(): void;
    setSignUp(token: string, expiresAt: Date): void;
    clearSignUp(): void;
    setTrustedDevice(token: string): void;
  } | null;
  /**
   * Websockets only: how many calls and subscriptions this connection may hold at
   * once. `take` answers a release function, to be called exactly once when the call or
   * subscription ends, or null when the connection is at its cap.
   */
  budget?: { take(kind: "call" | "subscription"): (() => void) | null };
  /** Websockets of signed-in users: this tab's visibility, for presence. */
  presence?: { report(visible: boolean): void };
  /**
   * True for an error that says a part the server depends on is out of reach for now
   * (its database): answered 503 with "try again", not 500. The server knows its
   * parts; the contract does not (PostgreSQL's codes live in packages/db).
   */
  isUnavailable?: (error: unknown) => boolean;
  /** Called once per procedure call; websocket transports log their access lines with it. */
  reportCall?: (call: TCallReport) => void;
}

export interface TCallReport {
  requestId: string;
  path: string;
  type: "query" | "mutation" | "subscription";
  durationMs: number;
  ok: boolean;
  code?: string;
}
