import type { WebSocket } from "ws";
import { withItem, withoutAt } from "./small-list.js";

/** Close code the client sees when its session ended elsewhere (sign-out, revocation). */
export const SESSION_ENDED_CLOSE_CODE = 4001;

/**
 * Which open websockets belong to which session, in this process. A websocket's
 * viewer is fixed at its upgrade, so a revoked session must close its sockets; the
 * client reconnects and is then anonymous.
 */
export function createSessionSockets() {
  // A session's sockets as a short list (its tabs, capped per session; see
  // small-list.ts): a Set each was ≈ 100 bytes of every idle socket.
  const bySession = new Map<string, WebSocket[]>();
  return {
    add(sessionId: string, socket: WebSocket) {
      const sockets = bySession.get(sessionId);
      if (!sockets?.includes(socket)) bySession.set(sessionId, withItem(sockets, socket));
    },
    /** The socket closed (the server calls this; no listener per socket). */
    remove(sessionId: string, socket: WebSocket) {
      const sockets = bySession.get(sessionId);
      const index = sockets?.indexOf(socket) ?? -1;
      if (!sockets || index === -1) return;
      if (sockets.length === 1) bySession.delete(sessionId);
      else bySession.set(sessionId, withoutAt(sockets, index));
    },
    count(sessionId: string): number {
      return bySession.get(sessionId)?.length ?? 0;
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
