import { trpc } from "../../lib/trpc";
import { useMe } from "../auth/use-me";

/**
 * My role and my account's trust level (moderation.me), asked once I am known to be
 * signed in. The role only decides what the client offers (the Moderation and Admin
 * links); the server checks it again on every call.
 */
export function useStanding() {
  const me = useMe();
  return trpc.moderation.me.useQuery(undefined, { enabled: Boolean(me.data), staleTime: 60_000 });
}

/** Whether I moderate (moderators and admins). */
export function useIsStaff(): boolean {
  const role = useStanding().data?.role;
  return role === "moderator" || role === "admin";
}
