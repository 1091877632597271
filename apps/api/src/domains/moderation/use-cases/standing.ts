import type { TRole, TTrust, TViewer } from "@orgo/api-contract";
import type { ModerationDeps } from "../moderation-deps.js";
import { roleOf } from "../roles.js";

/** My role (what the client shows me) and my trust level (what I may do yet). */
export async function standing(deps: ModerationDeps, viewer: TViewer): Promise<{ role: TRole; trust: TTrust }> {
  const [role, trust] = await Promise.all([roleOf(deps.db, viewer.userId), deps.trust.trustOf(viewer)]);
  return { role, trust };
}

export const myRole = (deps: ModerationDeps, viewer: TViewer): Promise<TRole> => roleOf(deps.db, viewer.userId);
