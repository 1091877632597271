import { z } from "zod";
import { router, adminProcedure } from "../trpc.js";
import {
  ZAddWordRuleInput,
  ZAuditInput,
  ZAuditPage,
  ZDashboard,
  ZDashboardInput,
  ZSetRoleInput,
  ZStaffMember,
  ZWordRule,
  ZWordRuleRef,
} from "../../moderation/moderation.schemas.js";

/** Admins only: roles, the audit log, the watched words and the dashboard. */
export const adminRouter = router({
  /** Moderators and admins. */
  staff: adminProcedure.output(z.array(ZStaffMember)).query(({ ctx }) => ctx.services.admin.staff(ctx.viewer)),

  /** Makes or unmakes a moderator (audited); admins are made on the command line. */
  setRole: adminProcedure
    .input(ZSetRoleInput)
    .output(ZStaffMember)
    .mutation(({ ctx, input }) => ctx.services.admin.setRole(ctx.viewer, input)),

  /** The audit log, newest first, filtered by action, actor or subject. */
  audit: adminProcedure
    .input(ZAuditInput)
    .output(ZAuditPage)
    .query(({ ctx, input }) => ctx.services.admin.audit(ctx.viewer, input)),

  wordRules: adminProcedure.output(z.array(ZWordRule)).query(({ ctx }) => ctx.services.admin.wordRules(ctx.viewer)),

  addWordRule: adminProcedure
    .input(ZAddWordRuleInput)
    .output(ZWordRule)
    .mutation(({ ctx, input }) => ctx.services.admin.addWordRule(ctx.viewer, input)),

  removeWordRule: adminProcedure
    .input(ZWordRuleRef)
    .mutation(({ ctx, input }) => ctx.services.admin.removeWordRule(ctx.viewer, input)),

  /** Per day: sign-ups, active people, posts, messages, reports opened and decided; the most reported. */
  dashboard: adminProcedure
    .input(ZDashboardInput)
    .output(ZDashboard)
    .query(({ ctx, input }) => ctx.services.admin.dashboard(ctx.viewer, input)),
});
