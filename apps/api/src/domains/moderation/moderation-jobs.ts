import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { JobHandlers } from "../../platform/jobs/job-queue.js";
import { sweepRecentTexts } from "../safety/repeated-text.js";
import { publishUsersChanged } from "../users/user-events.js";
import { writeAudit } from "./audit.js";

/** The jobs of moderation: a timed suspension ends; old fingerprints of texts are forgotten. */
export function createModerationJobs(deps: {
  db: Db;
  bus: EventBus;
  now?: () => Date;
}): Pick<JobHandlers, "moderation:endSuspension" | "sweep:recentTexts"> {
  const now = deps.now ?? (() => new Date());
  return {
    async "moderation:endSuspension"({ userId, until }) {
      // Only the suspension this job was queued for: one lifted or replaced meanwhile stays as decided.
      const ended = await deps.db.$transaction(async (tx) => {
        const lifted = await tx.user.updateMany({
          where: { id: userId, suspendedUntil: new Date(until) },
          data: { suspendedAt: null, suspendedUntil: null, suspensionReason: null, contentHiddenAt: null },
        });
        if (lifted.count === 0) return false;
        await writeAudit(tx, { actorId: null, action: "suspension.ended", subjectId: userId, details: { until } });
        return true;
      });
      if (ended) await publishUsersChanged(deps.bus, [userId]);
    },
    async "sweep:recentTexts"() {
      await sweepRecentTexts(deps.db, now());
    },
  };
}
