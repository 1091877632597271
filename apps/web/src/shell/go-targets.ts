import type { MessageKey } from "../i18n/messages";

/**
 * Where "g" then a letter goes (the shell's keys), and how the `?` sheet names it. Its
 * own module: the shell needs the paths on the first screen, the sheet loads later.
 */
export const goTargets: Record<string, { path: string; label: MessageKey }> = {
  h: { path: "/", label: "shortcuts.goFeed" },
  s: { path: "/studies", label: "shortcuts.goStudies" },
  m: { path: "/mentors", label: "shortcuts.goMentors" },
  c: { path: "/chat", label: "shortcuts.goChat" },
  n: { path: "/notifications", label: "shortcuts.goNotifications" },
  ",": { path: "/settings", label: "shortcuts.goSettings" },
};
