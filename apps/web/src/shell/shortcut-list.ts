import type { MessageKey } from "../i18n/messages";
import { isMac } from "../lib/hotkeys";

const mod = isMac ? "⌘" : "Ctrl";

/** What the shortcut sheet shows; the handlers live where the behaviour does. */
export const shortcutList: { keys: string[]; label: MessageKey }[] = [
  { keys: [mod, "K"], label: "shortcuts.palette" },
  { keys: ["?"], label: "shortcuts.sheet" },
  { keys: ["/"], label: "shortcuts.search" },
  { keys: ["j"], label: "shortcuts.next" },
  { keys: ["k"], label: "shortcuts.prev" },
  { keys: ["Enter"], label: "shortcuts.open" },
  { keys: ["n"], label: "shortcuts.newPost" },
  { keys: ["Esc"], label: "shortcuts.close" },
];
