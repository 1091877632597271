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
/**
 * A catch-up waits for a socket past half its buffer limit to drain; one that has
 * not drained in this long is not reading, and is cut off with SLOW_CONSUMER_CLOSE_CODE.
 */
export const DRAIN_TIMEOUT_MS = 2_000;

/** How many sockets each client address holds open in this process. */
export function createSocketCounter(limit: number) {
  const open = new Map<string, number>();
  return {
    /** Whether the address may open one more (then `opened`, and `closed` when it closes). */
    admit(ip: string): boolean {
      return (open.get(ip) ?? 0) < limit;
    },
    opened(ip: string) {
      open.set(ip, (open.get(ip) ?? 0) + 1);
    },
    closed(ip: string) {
      const left = (open.get(ip) ?? 1) - 1;
      if (left <= 0) open.delete(ip);
      else open.set(ip, left);
    },
  };
}

/** Per-socket budgets for the router: a call or a subscription holds one until it ends. */
export class ConnectionBudget {
  private subscriptions = 0;
  private calls = 0;

  constructor(private readonly limits: Pick<SocketLimits, "subscriptionsPerSocket" | "callsPerSocket">) {}

  /**
   * Every subscription's release, shared: a subscription holds it for as long as it
   * lives and calls it exactly once (a live feed runs its end hooks once), so it
   * needs no closure of its own.
   */
  private readonly releaseSubscription = () => {
    this.subscriptions--;
  };

  /** A release function to call once, or null when the connection is at its cap. */
  take(kind: "subscription" | "call"): (() => void) | null {
    if (kind === "subscription") {
      if (this.subscriptions >= this.limits.subscriptionsPerSocket) return null;
      this.subscriptions++;
      return this.releaseSubscription;
    }
    if (this.calls >= this.limits.callsPerSocket) return null;
    this.calls++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.calls--;
    };
  }
}
