import { useSyncExternalStore } from "react";

/**
 * What the indicator says, and only what is true:
 * - online: the live socket is open and requests are answered ("Live");
 * - connecting: the first connection is on its way;
 * - reconnecting: the browser has a network, but OrGo's server does not answer (the
 *   socket is closed, or requests fail with no answer or a 502/503/504);
 * - offline: the browser has no network at all.
 */
export type ConnectionState = "connecting" | "online" | "reconnecting" | "offline";

let socket: "never" | "open" | "closed" = "never";
let requestsFailing = false;
let browserOnline = typeof navigator === "undefined" ? true : navigator.onLine;
let state: ConnectionState = derive();
const listeners = new Set<() => void>();

function derive(): ConnectionState {
  if (!browserOnline) return "offline";
  if (socket === "open" && !requestsFailing) return "online";
  if (socket === "never" && !requestsFailing) return "connecting";
  return "reconnecting";
}

function update(): void {
  const next = derive();
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
  if (state === "online") stopProbing();
}

/** Fed by the websocket client's open / close callbacks. */
export function setSocketOpen(open: boolean): void {
  socket = open ? "open" : "closed";
  update();
}

/**
 * Fed by every HTTP call's outcome (see trpc.ts): `false` when the server could not be
 * reached or answered for someone else (a proxy's 502/503/504, or our own 503 while
 * the database is away), `true` for any answer of the server's own, refusals included.
 * While calls fail, the server's readiness is probed until it answers, so the
 * indicator and the lists recover without anyone asking.
 */
export function reportRequest(reached: boolean): void {
  if (requestsFailing === !reached) return;
  requestsFailing = !reached;
  update();
  if (requestsFailing) startProbing();
}

let probe: ReturnType<typeof setTimeout> | null = null;
let probeAttempt = 0;
function startProbing(): void {
  if (probe !== null || typeof window === "undefined") return;
  const attempt = () => {
    probe = setTimeout(
      () => {
        void fetch("/readyz", { cache: "no-store" })
          .then((response) => response.ok)
          .catch(() => false)
          .then((ready) => {
            probe = null;
            if (ready) reportRequest(true);
            else if (requestsFailing) attempt();
          });
      },
      Math.min(1_000 * 2 ** probeAttempt++, 10_000),
    );
  };
  attempt();
}
function stopProbing(): void {
  if (probe !== null) clearTimeout(probe);
  probe = null;
  probeAttempt = 0;
}

if (typeof window !== "undefined") {
  window.addEventListener("online", () => {
    browserOnline = true;
    update();
  });
  window.addEventListener("offline", () => {
    browserOnline = false;
    update();
  });
}

/** Calls `listener` with each new state; answers the unsubscribe. */
export function subscribeConnectionState(listener: (state: ConnectionState) => void): () => void {
  const notify = () => listener(state);
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
