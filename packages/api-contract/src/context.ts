import type { Services, TDevice } from "./services.js";

export interface TViewer {
  userId: string;
  sessionId: string;
  /**
   * When this session was opened, in milliseconds since the epoch: deleting an
   * OAuth-only account needs a recent sign-in. A number, not a Date: a websocket
   * holds its viewer for as long as it is open, and a Date is ≈ 100 bytes.
   */
  signedInAtMs: number;
}

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
