import type { Db } from "@orgo/db";
import { createSessionService } from "../../src/platform/sessions/session.service.js";

/** A session cookie for a (seeded) user, as the browser would send it. */
export async function cookieFor(db: Db, handle: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { handle }, select: { id: true } });
  const { token } = await createSessionService({ db }).create(user.id);
  return `orgo_session=${token}`;
}
