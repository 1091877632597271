import {
  AppError,
  serverMessages as m,
  type TEndSessionInput,
  type TSessionSummary,
  type TViewer,
} from "@orgo/api-contract";
import type { AuthDeps } from "../auth-deps.js";
import { publishSessionsRevoked } from "../../../platform/sessions/revoked.js";

/** Ends this session everywhere it is used, its open websockets included. */
export async function signOut({ sessions, bus }: AuthDeps, viewer: TViewer): Promise<void> {
  await sessions.invalidate(viewer.sessionId);
  await publishSessionsRevoked(bus, [viewer.sessionId]);
}

/** My open sessions (browser, address, last seen), newest activity first. */
export async function listSessions({ sessions }: AuthDeps, viewer: TViewer): Promise<TSessionSummary[]> {
  return (await sessions.listForUser(viewer.userId)).map((s) => ({
    id: s.id,
    userAgent: s.userAgent,
    ip: s.ip,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    current: s.id === viewer.sessionId,
  }));
}

/** Ends one of my sessions; someone else's session id reads as not found. */
export async function endSession({ db, bus }: AuthDeps, viewer: TViewer, { sessionId }: TEndSessionInput) {
  const ended = await db.session.deleteMany({ where: { id: sessionId, userId: viewer.userId } });
  if (ended.count === 0) throw new AppError("NOT_FOUND", m.noSuchSession);
  await publishSessionsRevoked(bus, [sessionId]);
}
