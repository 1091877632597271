import { AppError, serverMessages as m, type TPushDevice } from "@orgo/api-contract";
import type { PushService } from "@orgo/api-contract/server";
import { MAX_DEVICES_PER_PERSON, type PushDeps } from "./push-deps.js";

const deviceSelect = { id: true, endpoint: true, userAgent: true, createdAt: true, lastPushAt: true } as const;

function shape(
  row: { id: number; endpoint: string; userAgent: string; createdAt: Date; lastPushAt: Date | null },
  current?: string,
): TPushDevice {
  return {
    id: row.id,
    userAgent: row.userAgent,
    createdAt: row.createdAt,
    lastPushAt: row.lastPushAt,
    current: row.endpoint === current,
  };
}

/** The browsers that receive Web Push for a person: subscribe, list, remove. */
export function createPushService(deps: PushDeps): PushService {
  const { db, sender } = deps;
  return {
    config: () => ({ publicKey: sender?.publicKey ?? null }),

    async subscribe(viewer, input, device) {
      if (!sender) throw new AppError("VALIDATION", m.pushOff);
      // Checked here, not only when sending: a browser's subscription is input, and a
      // server that stored any address would later be made to call it.
      if (!sender.allows(input.endpoint)) {
        throw new AppError("VALIDATION", m.pushServiceNotAllowed, {
          fieldErrors: { endpoint: [m.pushServiceNotAllowed] },
        });
      }
      const data = {
        userId: viewer.userId,
        // Ending this session (signing out here) ends this device's push.
        sessionId: viewer.sessionId,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        userAgent: device.userAgent.slice(0, 300),
      };
      return db.$transaction(async (tx) => {
        // One browser is one endpoint: signing in as someone else on it moves it to them.
        const row = await tx.pushDevice.upsert({
          where: { endpoint: input.endpoint },
          create: { ...data, endpoint: input.endpoint },
          update: data,
          select: deviceSelect,
        });
        const stale = await tx.pushDevice.findMany({
          where: { userId: viewer.userId },
          orderBy: { createdAt: "desc" },
          skip: MAX_DEVICES_PER_PERSON,
          select: { id: true },
        });
        if (stale.length) await tx.pushDevice.deleteMany({ where: { id: { in: stale.map((d) => d.id) } } });
        return shape(row, input.endpoint);
      });
    },

    async devices(viewer, currentEndpoint) {
      const rows = await db.pushDevice.findMany({
        where: { userId: viewer.userId },
        orderBy: { createdAt: "desc" },
        select: deviceSelect,
      });
      return rows.map((row) => shape(row, currentEndpoint));
    },

    async remove(viewer, id) {
      const { count } = await db.pushDevice.deleteMany({ where: { id, userId: viewer.userId } });
      if (count === 0) throw new AppError("NOT_FOUND", m.noSuchDevice);
    },
  };
}
