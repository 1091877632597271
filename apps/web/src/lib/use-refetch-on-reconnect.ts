import { useEffect } from "react";
import type { QueryClient } from "@tanstack/react-query";
import { subscribeConnectionState } from "./connection-state";

/**
 * When the live connection comes back after being lost, everything on screen is
 * fetched again (the browser's own "online" event does not fire when only our
 * server was away): a list that failed during the outage fills in by itself.
 */
export function useRefetchOnReconnect(queryClient: QueryClient): void {
  useEffect(() => {
    let wasOffline = false;
    return subscribeConnectionState((state) => {
      if (state === "offline") wasOffline = true;
      if (state === "online" && wasOffline) {
        wasOffline = false;
        void queryClient.invalidateQueries();
      }
    });
  }, [queryClient]);
}
