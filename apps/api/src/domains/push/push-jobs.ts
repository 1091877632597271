import type { JobHandlers } from "../../platform/jobs/job-queue.js";
import { pushNotification } from "./notification-push.js";
import type { PushDeps } from "./push-deps.js";
import { pushRoom } from "./room-push.js";

/** Web Push, off the request path: what to push (decided when it runs), then one send per device. */
export function createPushJobs(deps: PushDeps): Pick<JobHandlers, "push:notification" | "push:room" | "push:send"> {
  const { db, sender } = deps;
  return {
    "push:notification": ({ notificationId }) => pushNotification(deps, notificationId),
    "push:room": ({ roomId }) => pushRoom(deps, roomId),
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
