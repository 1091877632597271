import type { TMe, TViewer } from "@orgo/api-contract";
import { loadMe } from "../../users/me.js";
import type { AuthDeps } from "../auth-deps.js";

/** My own profile (with my e-mail); null when the session's user no longer exists. */
export const me = ({ db }: AuthDeps, viewer: TViewer): Promise<TMe | null> => loadMe(db, viewer.userId);
