import type { Db } from "@orgo/db";
import type { Logger } from "../../platform/logger.js";
import type { PresenceStore } from "../../platform/presence/presence-store.js";
import type { PushSender } from "../../platform/push/push-sender.js";

export interface PushDeps {
  db: Db;
  /** Null: no VAPID keys, push is off on this server (the app says so). */
  sender: PushSender | null;
  presence: Pick<PresenceStore, "looking" | "get">;
  logger: Logger;
  now: () => Date;
}

/** Devices one person may have: a browser re-subscribing replaces its own row, so this is many browsers. */
export const MAX_DEVICES_PER_PERSON = 20;
