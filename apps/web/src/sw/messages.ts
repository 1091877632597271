/** From the service worker to an open window: show this path (a notification was clicked). */
export interface ToWindow {
  type: "orgo:open";
  path: string;
}
