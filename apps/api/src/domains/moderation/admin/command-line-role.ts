import type { TRole } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import { writeAudit } from "../audit.js";

export interface RoleChange {
  userId: string;
  handle: string;
  previous: TRole;
  role: TRole;
  changed: boolean;
}

/**
 * The server's command line gives and takes any role, admins included (the client
 * can only make and unmake moderators): `npm run role` (README). Audited like a role
 * change in the client, by nobody in particular (no account acted).
 */
export async function setRoleByCommandLine(
  db: Db,
  input: { handle: string; role: TRole; reason: string },
): Promise<RoleChange | null> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; role: TRole }[]>`
      select id, role from "User" where handle = ${input.handle.toLowerCase()} for update`;
    if (!row) return null;
    const change = {
      userId: row.id,
      handle: input.handle.toLowerCase(),
      previous: row.role,
      role: input.role,
      changed: row.role !== input.role,
    };
    if (!change.changed) return change;
    await tx.user.update({ where: { id: row.id }, data: { role: input.role } });
    await writeAudit(tx, {
      actorId: null,
      action: input.role === "member" ? "role.revoked" : "role.granted",
      subjectId: row.id,
      reason: input.reason,
      details: { role: input.role, previous: row.role, via: "command line" },
    });
    return change;
  });
}

/** Moderators and admins, for `npm run role -- list`. */
export function staffList(db: Db) {
  return db.user.findMany({
    where: { role: { in: ["moderator", "admin"] } },
    select: { handle: true, role: true },
    orderBy: [{ role: "asc" }, { handle: "asc" }],
  });
}
