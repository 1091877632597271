import {
  AppError,
  serverMessages as m,
  type TRole,
  type TSetRoleInput,
  type TStaffMember,
  type TViewer,
} from "@orgo/api-contract";
import { publicUserSelect } from "../../users/public-user.js";
import type { ModerationDeps } from "../moderation-deps.js";
import { writeAudit } from "../audit.js";
import { publishStaffChanged } from "../staff-events.js";

/** Moderators and admins, admins first. */
export async function staff({ db }: ModerationDeps, _viewer: TViewer): Promise<TStaffMember[]> {
  const rows = await db.user.findMany({
    where: { role: { in: ["moderator", "admin"] } },
    orderBy: [{ role: "asc" }, { handle: "asc" }],
    select: { ...publicUserSelect, role: true },
  });
  return rows.map((row) => ({ ...row, role: row.role as TRole }));
}

/**
 * An admin makes a member a moderator or a moderator a member again, with a reason,
 * audited. Admins are made and unmade only on the server's command line, so nobody
 * who took over an admin's browser can make more of them.
 */
export async function setRole(deps: ModerationDeps, viewer: TViewer, input: TSetRoleInput): Promise<TStaffMember> {
  const { db, bus } = deps;
  const person = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; role: string }[]>`
      select id, role from "User" where handle = ${input.handle} for update`;
    if (!row) throw new AppError("NOT_FOUND", m.noSuchUser);
    if (row.role === "admin") throw new AppError("FORBIDDEN", m.adminRoleByCommandLine);
    if (row.role !== input.role) {
      await tx.user.update({ where: { id: row.id }, data: { role: input.role } });
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: input.role === "moderator" ? "role.granted" : "role.revoked",
        subjectId: row.id,
        reason: input.reason,
        details: { role: input.role, previous: row.role },
      });
    }
    return tx.user.findUniqueOrThrow({ where: { id: row.id }, select: { ...publicUserSelect, role: true } });
  });
  deps.trust.forget(person.id);
  await publishStaffChanged(bus, person.id, person.role as TRole);
  return { ...person, role: person.role as TRole };
}
