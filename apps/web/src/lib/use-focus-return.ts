import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * Where focus goes when an overlay closes: back to what had it when the overlay
 * opened, or, when that was nothing (a hotkey pressed on the page) or is gone, to
 * the page's main region — never the body, where a keyboard user loses their place.
 * Returns the handler for Radix's `onCloseAutoFocus`.
 */
export function useFocusReturn(open: boolean): (event: Event) => void {
  const opener = useRef<HTMLElement | null>(null);
  // A layout effect runs before Radix's focus scope moves focus into the overlay.
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  return useCallback((event: Event) => {
    event.preventDefault();
    const target = opener.current;
    opener.current = null;
    if (target && target !== document.body && target.isConnected) target.focus();
    else document.querySelector<HTMLElement>("main")?.focus();
  }, []);
}
