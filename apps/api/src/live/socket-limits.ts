import type { WebSocket } from "ws";

/** The limits that keep one client from making us hold memory or work without bound. */
export interface SocketLimits {
  /** Open websockets from one client address (a classroom behind one NAT fits). */
  perIp: number;
  /** Open websockets of one session (its tabs). */
  perSession: number;
  /** Live subscriptions multiplexed on one socket. */
  subscriptionsPerSocket: number;
  /** Queries and mutations running at once on one socket (the websocket's "batch"). */
  callsPerSocket: number;
  /** Bytes queued for a socket that does not read before it is cut off. */
  maxBufferedBytes: number;
}

/** Close codes a client sees; both mean "reconnect", the second "and catch up from your last id". */
export const TOO_MANY_SOCKETS_CLOSE_CODE = 4008;
export const SLOW_CONSUMER_CLOSE_CODE = 4009;

/** How many sockets each client address holds open in this process. */
export function createSocketCounter(limit: number) {
  const open = new Map<string, number>();
  return {
    /** Counts the socket until it closes; false (and nothing counted) when the address is at its limit. */
    admit(ip: string): boolean {
      return (open.get(ip) ?? 0) < limit;
    },
    track(ip: string, socket: WebSocket) {
      open.set(ip, (open.get(ip) ?? 0) + 1);
      socket.once("close", () => {
        const left = (open.get(ip) ?? 1) - 1;
        if (left <= 0) open.delete(ip);
        else open.set(ip, left);
      });
    },
  };
}

/**
 * Respects the socket's backpressure: tRPC writes each event without asking
 * whether the last was read, so a client that never reads would have the server
 * buffer forever. Past `maxBufferedBytes` the socket is closed with a code that
 * tells the client to reconnect and resume from its last event id; the
 * database, not our memory, holds what it missed.
 */
export function guardBackpressure(socket: WebSocket, maxBufferedBytes: number): void {
  const send = socket.send.bind(socket);
  let cut = false;
  socket.send = ((...args: Parameters<WebSocket["send"]>) => {
    if (cut) return;
    if (socket.bufferedAmount > maxBufferedBytes) {
      cut = true;
      socket.close(SLOW_CONSUMER_CLOSE_CODE, "Too slow: reconnect and catch up");
      // A client that does not read will not read our close frame either.
      setTimeout(() => socket.terminate(), 1_000).unref();
      return;
    }
    send(...args);
  }) as WebSocket["send"];
}

/** Per-socket budgets for the router: a call or a subscription holds one until it ends. */
export function createConnectionBudget(limits: Pick<SocketLimits, "subscriptionsPerSocket" | "callsPerSocket">) {
  let subscriptions = 0;
  let calls = 0;
  const take = (kind: "subscription" | "call"): (() => void) | null => {
    if (kind === "subscription" ? subscriptions >= limits.subscriptionsPerSocket : calls >= limits.callsPerSocket) {
      return null;
    }
    if (kind === "subscription") subscriptions++;
    else calls++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (kind === "subscription") subscriptions--;
      else calls--;
    };
  };
  return { take };
}
