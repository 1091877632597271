import type { AdminService, ModerationService } from "@orgo/api-contract/server";
import { bindUseCases } from "../../platform/use-cases.js";
import type { ModerationDeps } from "./moderation-deps.js";
import { report } from "./use-cases/report.js";
import { myReports } from "./use-cases/my-reports.js";
import { myDecision } from "./use-cases/my-decision.js";
import { appeal } from "./use-cases/appeal.js";
import { myRole, standing } from "./use-cases/standing.js";
import { queue } from "./use-cases/queue.js";
import { caseById } from "./use-cases/case-by-id.js";
import { claim, release } from "./use-cases/claim.js";
import { decide } from "./use-cases/decide.js";
import { decideAppeal } from "./use-cases/decide-appeal.js";
import { streamQueue } from "./use-cases/stream-queue.js";
import { setRole, staff } from "./admin/staff.js";
import { auditLog } from "./admin/audit-log.js";
import { addWordRule, removeWordRule, wordRules } from "./admin/word-rules.js";
import { dashboard } from "./admin/dashboard.js";

/** Reports, the queue, decisions and appeals (docs/moderation.md); one file per use case. */
export function createModerationService(deps: ModerationDeps): ModerationService {
  return bindUseCases(deps, {
    roleOf: myRole,
    standing,
    report,
    myReports,
    myDecision,
    appeal,
    queue,
    caseById,
    claim,
    release,
    decide,
    decideAppeal,
    streamQueue,
  });
}

/** Admins' tools: roles, the audit log, the watched words, the dashboard. */
export function createAdminService(deps: ModerationDeps): AdminService {
  return bindUseCases(deps, { staff, setRole, audit: auditLog, wordRules, addWordRule, removeWordRule, dashboard });
}
