import { useSyncExternalStore } from "react";

export type ConnectionState = "connecting" | "online" | "offline";

let state: ConnectionState = "connecting";
const listeners = new Set<() => void>();

/** Fed by the websocket client's open/close callbacks; read by the indicator. */
export function setConnectionState(next: ConnectionState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
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
