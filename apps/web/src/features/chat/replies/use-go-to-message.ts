import { useEffect, useRef, type RefObject } from "react";

/** How long a message gone to stays marked. */
const FLASH_MS = 1_600;

/**
 * Goes to a message of the open conversation by its number: scrolls it to the middle,
 * focuses it and marks it for a moment. One not loaded yet is reached by loading older
 * pages until it is there (or the conversation's beginning is): after each render the
 * message still looked for is looked for again.
 */
export function useGoToMessage(
  scroller: RefObject<HTMLElement | null>,
  /** `ready`: the newest page is in (before it, nothing is given up on). */
  older: { ready: boolean; has: boolean; loading: boolean; load: () => void },
) {
  const wanted = useRef<number | null>(null);

  // The mark is the element's own class for a moment: nothing to render, nothing to keep.
  function show(seq: number) {
    const element = scroller.current?.querySelector<HTMLElement>(`[data-seq="${seq}"]`);
    if (!element) return false;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    element.classList.add("chat__message--flash");
    setTimeout(() => element.classList.remove("chat__message--flash"), FLASH_MS);
    return true;
  }

  function lookAgain() {
    const seq = wanted.current;
    if (seq === null) return;
    if (show(seq)) wanted.current = null;
    else if (!older.ready || older.loading) return;
    else if (older.has) older.load();
    else wanted.current = null; // not in this conversation (or deleted for good)
  }

  useEffect(lookAgain);

  return (seq: number) => {
    wanted.current = seq;
    lookAgain();
  };
}
