import { trpc } from "../../lib/trpc";

/**
 * My notification preferences, fetched once per tab: they change only from Settings,
 * whose mutations put the answer in this cache (another tab of mine keeps its copy
 * until reloaded; the server decides what is pushed for notifications either way).
 */
export function useNotificationPreferences(signedIn: boolean) {
  return trpc.notification.preferences.useQuery(undefined, { enabled: signedIn, staleTime: Infinity });
}
