import { useCallback } from "react";
import { trpc } from "../../../lib/trpc";
import { useRefetchOnRestart } from "../../../lib/use-restart";

/**
 * The queue, live for every moderator: a new report, a claim, a release or a
 * decision anywhere refetches the open lists and that case. After a reconnect
 * everything shown is fetched once (signals are not replayed).
 */
export function useLiveQueue(enabled: boolean) {
  const utils = trpc.useUtils();
  const refetchAll = useCallback(() => void utils.moderation.invalidate(), [utils]);
  const onStarted = useRefetchOnRestart(refetchAll);
  trpc.moderation.onQueue.useSubscription(undefined, {
    enabled,
    onData: ({ caseId }) => {
      void utils.moderation.queue.invalidate();
      void utils.moderation.case.invalidate({ caseId });
    },
    onStarted,
  });
}
