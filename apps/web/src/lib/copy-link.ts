import { showToast } from "./toast";

/** An address in this app, absolute (what a person pastes elsewhere). */
export const appLink = (path: string) => `${location.origin}${path}`;

/**
 * Copies a link and says so; where the clipboard is refused (an insecure origin, a
 * denied permission) the toast shows the link itself, to copy by hand.
 */
export function copyLink(link: string, copied: string): void {
  void navigator.clipboard.writeText(link).then(
    () => showToast(copied, {}),
    () => showToast(link, {}),
  );
}
