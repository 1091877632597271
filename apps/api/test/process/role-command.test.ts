import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";

/**
 * `npm run role`: the only way to make an admin. Run as the README says, on a real
 * database: it gives and takes roles by handle, says so, audits each change (by no
 * account: the command line), and refuses what it does not understand.
 */
const apiDir = fileURLToPath(new URL("../..", import.meta.url));

let fresh: FreshDatabase;
beforeAll(async () => {
  fresh = await freshDatabase();
  await fresh.db.user.create({ data: { handle: "ara", displayName: "Ara" } });
});
afterAll(() => fresh.drop());

function role(...args: string[]) {
  // On this database only, and without Redis (a role change is published when it is set).
  const { REDIS_URL: _redis, ...env } = process.env;
  // The compiled command (the lane's global setup builds it), as `npm run role` runs it.
  const run = spawnSync(process.execPath, [path.join("dist", "role.js"), ...args], {
    cwd: apiDir,
    env: { ...env, DATABASE_URL: fresh.url },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** Its exit status and whether its output says `text`. */
const says = (run: { status: number | null; out: string }, text: string) => [run.status, run.out.includes(text)];

describe("npm run role", () => {
  it("grants and revokes by handle, audited, and lists the staff", async () => {
    expect(says(role("grant", "admin", "@ara", "first", "admin"), "member → admin")).toEqual([0, true]);
    expect(role("grant", "admin", "ara").out).toContain("already an admin");
    expect(role("list").out).toMatch(/admin\s+@ara/);
    expect(says(role("revoke", "ara"), "admin → member")).toEqual([0, true]);
    const user = await fresh.db.user.findUniqueOrThrow({ where: { handle: "ara" }, select: { role: true } });
    expect(user.role).toBe("member");
    const audit = await fresh.db.auditEntry.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorId, e.subjectHandle, e.reason])).toEqual([
      ["role.granted", null, "ara", "first admin"],
      ["role.revoked", null, "ara", "command line"],
    ]);
  });

  it("says so for an unknown handle, and shows its usage for anything else", () => {
    expect(says(role("grant", "moderator", "ghost"), "@ghost")).toEqual([1, true]);
    for (const wrong of [[], ["grant", "king", "ara"], ["revoke"], ["frob"]]) {
      expect([wrong, ...says(role(...wrong), "Usage:")]).toEqual([wrong, 2, true]);
    }
  });
});
