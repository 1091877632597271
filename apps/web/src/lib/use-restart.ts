import { useCallback, useRef } from "react";

/**
 * For a subscription of "this changed" signals: nothing is replayed after a
 * reconnect, so what changed meanwhile must be fetched. Returns an `onStarted` that
 * runs `refetch` on every start but the first (the first follows the page's own load).
 */
export function useRefetchOnRestart(refetch: () => void): () => void {
  const started = useRef(false);
  return useCallback(() => {
    if (started.current) refetch();
    started.current = true;
  }, [refetch]);
}
