import { useEffect } from "react";
import { Toaster } from "sonner";
import { useTheme } from "../theme/theme";
import { toasterMounted } from "../lib/toast";

/**
 * Short announcements (a new notification, a message in another room): top right,
 * under the top bar, in the app's theme — never over what people act with at the
 * bottom (a chat's box and Send, a composer's buttons, the phone's bottom bar). sonner
 * renders them as a labelled, polite live region, so screen readers hear them without
 * losing their place.
 */
export function Toasts() {
  const { choice } = useTheme();
  // After the Toaster's own effect (children's effects run first): it subscribed.
  useEffect(toasterMounted, []);
  return (
    <Toaster
      position="top-right"
      theme={choice}
      closeButton
      duration={6_000}
      visibleToasts={3}
      offset={{ top: 60 }}
      mobileOffset={{ top: "calc(56px + env(safe-area-inset-top))" }}
    />
  );
}
