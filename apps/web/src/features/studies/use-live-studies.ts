import { useCallback } from "react";
import { trpc } from "../../lib/trpc";
import { useRefetchOnRestart } from "../../lib/use-restart";

/**
 * Studies, live: each change the server signals (seats, status, members, waitlist,
 * requests, deletion) refetches the list and that study's page, so each viewer sees
 * their own seat and place in line. `id` limits the signals to one study (its page).
 * No polling; after a reconnect everything shown is fetched once.
 */
export function useLiveStudies(id: number | null) {
  const utils = trpc.useUtils();
  const refetchAll = useCallback(() => void utils.study.invalidate(), [utils]);
  const onStarted = useRefetchOnRestart(refetchAll);
  trpc.study.onChange.useSubscription(id === null ? {} : { id }, {
    onData: ({ studyId }) => {
      void utils.study.list.invalidate();
      void utils.study.byId.invalidate({ id: studyId });
    },
    onStarted,
  });
}
