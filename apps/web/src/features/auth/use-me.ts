import { useEffect } from "react";
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

/**
 * Remembers whether this browser's reader is signed in, for index.html's first paint
 * (a member sees rows waiting for the feed, a visitor what OrGo is). Only a hint:
 * the session cookie, which scripts cannot read, decides.
 */
export function useRememberMember(): void {
  const me = useMe();
  useEffect(() => {
    if (me.data) localStorage.setItem(MEMBER_KEY, "1");
    else if (me.data === null) localStorage.removeItem(MEMBER_KEY);
  }, [me.data]);
}
const MEMBER_KEY = "orgo.member";

/**
 * Whether to draw the visitor's screen: known signed out, or still asking and this
 * browser was not signed in last time — so a visitor's first render already has what
 * index.html painted (nothing moves when the answer comes).
 */
export function useIsVisitor(): boolean {
  const me = useMe();
  return me.data === null || (me.data === undefined && localStorage.getItem(MEMBER_KEY) === null);
}
