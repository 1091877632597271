import { useSyncExternalStore } from "react";

/** Whether a CSS media query matches, following changes (a rotated phone, a resized window). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => matchMedia(query).matches,
  );
}

/** The phone layout's breakpoint; shell/layout.css uses the same width. */
export const PHONE_QUERY = "(max-width: 699px)";
