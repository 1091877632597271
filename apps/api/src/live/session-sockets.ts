import type { WebSocket } from "ws";

/** Close code the client sees when its session ended elsewhere (sign-out, revocation). */
export const SESSION_ENDED_CLOSE_CODE = 4001;

/**
 * Which open websockets belong to which session, in this process. A websocket's
 * viewer is fixed at its upgrade, so a revoked session must close its sockets; the
 * client reconnects and is then anonymous.
 */
export function createSessionSockets() {
  const bySession = new Map<string, Set<WebSocket>>();
  return {
    add(sessionId: string, socket: WebSocket) {
      let set = bySession.get(sessionId);
      if (!set) bySession.set(sessionId, (set = new Set()));
      set.add(socket);
    },
    /** The socket closed (the server calls this; no listener per socket). */
    remove(sessionId: string, socket: WebSocket) {
      const set = bySession.get(sessionId);
      if (!set?.delete(socket)) return;
      if (set.size === 0) bySession.delete(sessionId);
    },
    count(sessionId: string): number {
      return bySession.get(sessionId)?.size ?? 0;
    },
    close(sessionIds: readonly string[]): number {
      let closed = 0;
      for (const id of sessionIds) {
        for (const socket of bySession.get(id) ?? []) {
          socket.close(SESSION_ENDED_CLOSE_CODE, "Session ended");
          closed++;
        }
      }
      return closed;
    },
  };
}

export type SessionSockets = ReturnType<typeof createSessionSockets>;
