import { useEffect, useRef, type RefObject } from "react";

/** How long a message gone to stays marked. */
const FLASH_MS = 1_600;

/**
 * Goes to a message of the open conversation by its number: scrolls it to the middle,
 * focuses it and marks it for a moment. One not loaded is reached by loading the page
 * around it (`pages.around`): after each render the message still looked for is
 * looked for again, and given up on when the page around it does not hold it.
 */
export function useGoToMessage(
  scroller: RefObject<HTMLElement | null>,
  /** `ready`: a page is in and nothing is loading (before it, nothing is given up on). */
  pages: { ready: boolean; around: (seq: number) => void },
) {
  const wanted = useRef<number | null>(null);
  const asked = useRef<number | null>(null);

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
    if (show(seq)) wanted.current = asked.current = null;
    else if (!pages.ready) return;
    else if (asked.current !== seq) {
      asked.current = seq;
      pages.around(seq);
    } else wanted.current = asked.current = null; // not in this conversation
  }

  useEffect(lookAgain);

  return (seq: number) => {
    wanted.current = seq;
    asked.current = null;
    lookAgain();
  };
}
