import { useEffect, useLayoutEffect, useRef } from "react";

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export interface HotkeyMap {
  /**
   * Plain keys ("?", "j", "Enter"); ignored while typing in a field, or once handled
   * elsewhere. A handler that returns false declines the key: it stays free for the
   * next listener (the shell's "c" is "go to chat" only after "g"; else a post's).
   */
  keys?: Record<string, (event: KeyboardEvent) => void | boolean>;
  /** Ctrl/Cmd + key; works even inside fields. */
  mod?: Record<string, (event: KeyboardEvent) => void>;
  enabled?: boolean;
}

/** Window-level shortcuts; the latest handlers are used without re-binding. */
export function useHotkeys(map: HotkeyMap): void {
  const ref = useRef(map);
  // Keep the newest handlers without re-binding the window listener.
  useLayoutEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const current = ref.current;
      if (current.enabled === false || event.isComposing) return;
      if (event.ctrlKey || event.metaKey) {
        const handler = current.mod?.[event.key.toLowerCase()];
        if (handler && (isMac ? event.metaKey : event.ctrlKey)) {
          event.preventDefault();
          handler(event);
        }
        return;
      }
      // A key something else already handled (a dialog's Esc, a list's j / k) is theirs.
      if (event.altKey || event.defaultPrevented || isTypingTarget(event.target)) return;
      const handler = current.keys?.[event.key];
      if (handler && handler(event) !== false) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
