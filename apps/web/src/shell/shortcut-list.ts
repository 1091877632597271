import type { MessageKey } from "../i18n/messages";
import { isMac } from "../lib/hotkeys";
import { goTargets } from "./go-targets";

const mod = isMac ? "⌘" : "Ctrl";

type Shortcut = { keys: string[]; label: MessageKey };

/**
 * Every key that does something, as the `?` sheet shows them, by where they work. The
 * handlers live where the behaviour does (Shell: anywhere and "go to"; lists; the
 * post's like and comment box; the chat's composer and page); a key added there is
 * added here too, or the sheet lies.
 */
export const shortcutGroups: { title: MessageKey; items: Shortcut[] }[] = [
  {
    title: "shortcuts.group.general",
    items: [
      { keys: [mod, "K"], label: "shortcuts.palette" },
      { keys: ["?"], label: "shortcuts.sheet" },
      { keys: ["/"], label: "shortcuts.search" },
      { keys: ["n"], label: "shortcuts.newPost" },
      { keys: ["Esc"], label: "shortcuts.close" },
    ],
  },
  {
    title: "shortcuts.group.lists",
    items: [
      { keys: ["j"], label: "shortcuts.next" },
      { keys: ["k"], label: "shortcuts.prev" },
      { keys: ["Enter"], label: "shortcuts.open" },
      { keys: ["Esc"], label: "shortcuts.back" },
    ],
  },
  {
    title: "shortcuts.group.goTo",
    items: Object.entries(goTargets).map(([key, { label }]) => ({ keys: ["g", key], label })),
  },
  {
    title: "shortcuts.group.post",
    items: [
      { keys: ["l"], label: "shortcuts.like" },
      { keys: ["c"], label: "shortcuts.comment" },
      { keys: [mod, "Enter"], label: "shortcuts.sendComment" },
    ],
  },
  {
    title: "shortcuts.group.chat",
    items: [
      { keys: ["Enter"], label: "shortcuts.chatSend" },
      { keys: ["Shift", "Enter"], label: "shortcuts.chatNewline" },
      { keys: ["↑"], label: "shortcuts.chatEditLast" },
      { keys: ["Esc"], label: "shortcuts.chatCancelEdit" },
      { keys: ["Alt", "↑ / ↓"], label: "shortcuts.chatRooms" },
    ],
  },
];
