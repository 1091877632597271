import type { ExternalToast } from "sonner";

// sonner (≈ 9 KB gzipped) is not on the first screen: the Toaster mounts from its own
// chunk after the page is up, and a toast waits for it (sonner drops toasts fired
// before its Toaster subscribes).
let markMounted: () => void = () => {};
const mounted = new Promise<void>((resolve) => (markMounted = resolve));

/** Called once by <Toasts> after its Toaster mounted. */
export function toasterMounted(): void {
  markMounted();
}

/** Shows a toast once the Toaster is there. */
export function showToast(text: string, options: ExternalToast): void {
  void mounted.then(() => import("sonner")).then(({ toast }) => toast(text, options));
}
