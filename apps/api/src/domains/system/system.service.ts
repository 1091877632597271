import type { SystemService } from "@orgo/api-contract/server";
import type { Db } from "@orgo/db";
import type { Logger } from "../../platform/logger.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import { enforce, limits } from "../../platform/rate-limit/limits.js";

export function createSystemService({
  db,
  limiter,
  logger,
}: {
  db: Db;
  limiter: RateLimiter;
  logger: Logger;
}): SystemService {
  const clientLog = logger.child({ component: "client" });
  return {
    async ready() {
      try {
        await db.$queryRaw`select 1`;
        return true;
      } catch {
        return false;
      }
    },

    async reportClientError(report, { device, requestId, viewer }) {
      await enforce(limiter, [[`client-errors:ip:${device.ip}`, limits.clientErrorsPerIp]]);
      clientLog.warn(
        {
          requestId,
          kind: report.kind,
          release: report.release,
          route: report.route,
          userId: viewer?.userId,
          userAgent: device.userAgent.slice(0, 300),
          err: { message: report.message, stack: report.stack ?? undefined },
        },
        "client error",
      );
      return { reference: requestId };
    },
  };
}
