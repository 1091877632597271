import { addJob, type JobHandlers } from "../../platform/jobs/job-queue.js";
import { pushNotification } from "./notification-push.js";
import type { PushDeps } from "./push-deps.js";
import { pushRooms, ROOMS_PER_SWEEP } from "./room-push.js";

/** How often rooms with new messages are swept for push: a message's push comes this much later, at most. */
export const PUSH_SWEEP_SECONDS = 2;

/** Web Push, off the request path: what to push (decided when it runs), then one send per device. */
export function createPushJobs(deps: PushDeps): Pick<JobHandlers, "push:notification" | "push:rooms" | "push:send"> {
  const { db, sender } = deps;
  return {
    "push:notification": ({ notificationId }) => pushNotification(deps, notificationId),
    async "push:rooms"() {
      let swept = 0;
      try {
        swept = await pushRooms(deps);
      } finally {
        // The next sweep, even after a failure (this one is retried apart, harmlessly).
        await sweepAgain(deps, swept === ROOMS_PER_SWEEP ? 0 : PUSH_SWEEP_SECONDS);
      }
    },
    async "push:send"({ deviceId, payload, ttlSeconds, urgency }) {
      if (!sender) return;
      const device = await db.pushDevice.findUnique({ where: { id: deviceId } });
      if (!device) return;
      const result = await sender.send(device, payload, { ttlSeconds, urgency });
      if (result === "gone") {
        // The browser unsubscribed, or its person cleared it: this endpoint will never take a push again.
        await db.pushDevice.deleteMany({ where: { id: deviceId, endpoint: device.endpoint } });
        deps.logger.info({ deviceId }, "push device gone; removed");
        return;
      }
      await db.pushDevice.updateMany({ where: { id: deviceId }, data: { lastPushAt: deps.now() } });
    },
  };
}

/**
 * Keeps one `push:rooms` job waiting (its key): each run asks for the next, and every
 * process asks for one when it starts (the key keeps the one already waiting).
 */
export async function sweepAgain(deps: Pick<PushDeps, "db" | "now">, afterSeconds: number) {
  await deps.db.$transaction((tx) =>
    addJob(
      tx,
      "push:rooms",
      {},
      {
        runAt: new Date(deps.now().getTime() + afterSeconds * 1000),
        jobKey: "push:rooms",
        jobKeyMode: afterSeconds === 0 ? "replace" : "preserve_run_at",
      },
    ),
  );
}
