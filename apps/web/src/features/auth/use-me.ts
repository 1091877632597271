import { trpc } from "../../lib/trpc";

/** The signed-in user (null when signed out, undefined while loading). */
export function useMe() {
  return trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
}

/**
 * After signing in or out, start afresh: the websocket's identity is fixed when it
 * opens, and cached data may belong to the previous viewer.
 */
export function restartApp(path = "/"): void {
  window.location.assign(path);
}
