import { useEffect, type RefObject } from "react";

/** How long a section is held in view at most while the page around it loads. */
const HOLD_MS = 10_000;

/**
 * Scrolls the element `targetId` to the top of its scroller and keeps it there while
 * the content (`content`, the element wrapping every section) changes size — the
 * sections above it load after the scroll and would push it away — until the person
 * scrolls, touches, clicks or types, or HOLD_MS pass. The browser's scroll anchoring
 * alone does not hold it: a section that swaps its placeholder for its content
 * removes the anchor node.
 */
export function useKeepInView(targetId: string | null, content: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = content.current;
    if (!targetId || !root) return;
    const place = () => document.getElementById(targetId)?.scrollIntoView({ block: "start" });
    place();
    const observer = new ResizeObserver(place);
    observer.observe(root);
    const userEvents = ["wheel", "touchstart", "pointerdown", "keydown"] as const;
    const release = () => {
      observer.disconnect();
      clearTimeout(timer);
      for (const type of userEvents) window.removeEventListener(type, release, true);
    };
    const timer = setTimeout(release, HOLD_MS);
    for (const type of userEvents) window.addEventListener(type, release, { capture: true, passive: true });
    return release;
  }, [targetId, content]);
}
