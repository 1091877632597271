import type { Db, Prisma } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";

export type Tx = Prisma.TransactionClient;

/** What every study use case is given. */
export interface StudyDeps {
  db: Db;
  bus: EventBus;
  now: () => Date;
}

/** Notifications made inside a change, published after its commit. */
export type Changed = { recipientId: string; id: number | null }[];

/** The anonymous viewer's id in queries that ask "is this me": matches nobody. */
export const nobody = "00000000-0000-0000-0000-000000000000";
