import { useCallback } from "react";
import { skipToken } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { useRefetchOnRestart } from "../../lib/use-restart";

/**
 * An open profile, live: when someone follows or unfollows them, or they follow me,
 * or they rename themselves, the profile (counts, "follows you") and its people
 * lists are fetched again. No polling; a reconnect refetches once.
 */
export function useLiveProfile(userId: string | null) {
  const utils = trpc.useUtils();
  const refetch = useCallback(() => {
    void utils.user.profile.invalidate();
    void utils.social.followers.invalidate();
    void utils.social.following.invalidate();
  }, [utils]);
  const onStarted = useRefetchOnRestart(refetch);
  trpc.user.onChange.useSubscription(userId ? { userId } : skipToken, { onData: refetch, onStarted });
}
