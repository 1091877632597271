import type { Db } from "@orgo/db";
import type { Logger } from "../../platform/logger.js";
import type { Mailer } from "../../platform/mail/mailer.js";
import type { PresenceStore } from "../../platform/presence/presence-store.js";

export interface AwayMailDeps {
  db: Db;
  mailer: Mailer;
  /** Whether someone has a tab open anywhere (any state but offline): then no mail. */
  presence: Pick<PresenceStore, "get">;
  publicOrigin: () => string;
  /** Signs unsubscribe links. */
  linkSecret: string;
  logger: Logger;
  now: () => Date;
}

/** Has this person OrGo open in a tab anywhere now (shown or not)? */
export async function hasOpenTab(deps: AwayMailDeps, userId: string): Promise<boolean> {
  const [presence] = await deps.presence.get([userId]);
  return presence !== undefined && presence.state !== "offline";
}
