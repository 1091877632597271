import { useEffect } from "react";
import { Toaster } from "sonner";
import { useTheme } from "../theme/theme";
import { toasterMounted } from "../lib/toast";

/**
 * Short announcements (a new notification, a message in another room): bottom right,
 * out of the reading's way, in the app's theme. sonner renders them as a labelled,
 * polite live region, so screen readers hear them without losing their place. On a
 * phone they sit above the bottom bar, the page's main action and a chat's Send.
 */
export function Toasts() {
  const { choice } = useTheme();
  // After the Toaster's own effect (children's effects run first): it subscribed.
  useEffect(toasterMounted, []);
  return (
    <Toaster
      position="bottom-right"
      theme={choice}
      closeButton
      duration={6_000}
      visibleToasts={3}
      mobileOffset={{ bottom: "calc(136px + env(safe-area-inset-bottom))" }}
    />
  );
}
