import type { JobHandlers } from "../../platform/jobs/job-queue.js";
import type { AwayMailDeps } from "./away-mail-deps.js";
import { queueDigests, sendDigest } from "./digest.js";
import { sendUnreadMail } from "./unread-mail.js";

/** Mail that brings people back: unread messages after a while away, and the digest. */
export function createAwayMailJobs(
  deps: AwayMailDeps,
): Pick<JobHandlers, "mail:unread" | "mail:digests" | "mail:digest"> {
  return {
    "mail:unread": ({ userId }) => sendUnreadMail(deps, userId),
    "mail:digests": () => queueDigests(deps),
    "mail:digest": ({ userId }) => sendDigest(deps, userId),
  };
}
