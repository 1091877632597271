// `npm run role -- …`: gives or takes a role on the server's command line, the only
// place an admin can be made (README, "Moderation"). Works on the database `npm start`
// uses: DATABASE_URL, else the embedded one (the running server's, or started here).
//
//   npm run role -- grant admin <handle> [reason…]
//   npm run role -- grant moderator <handle> [reason…]
//   npm run role -- revoke <handle> [reason…]      (back to member)
//   npm run role -- list
import path from "node:path";
import type { TRole } from "@orgo/api-contract";
import {
  applyMigrations,
  createDb,
  ensureDatabase,
  isReachable,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedDatabase,
} from "@orgo/db";
import { loadConfig } from "../src/platform/config/config.js";
import { createRedisEventBus } from "../src/platform/events/redis-event-bus.js";
import { createLogger } from "../src/platform/logger.js";
import { publishStaffChanged } from "../src/domains/moderation/staff-events.js";
import { setRoleByCommandLine, staffList } from "../src/domains/moderation/admin/command-line-role.js";

const usage = `Usage:
  npm run role -- grant admin <handle> [reason…]
  npm run role -- grant moderator <handle> [reason…]
  npm run role -- revoke <handle> [reason…]
  npm run role -- list`;

function parse(args: string[]): { kind: "list" } | { kind: "set"; role: TRole; handle: string; reason: string } | null {
  const [verb, ...rest] = args;
  if (verb === "list" && rest.length === 0) return { kind: "list" };
  if (verb === "grant") {
    const [role, handle, ...reason] = rest;
    if ((role === "admin" || role === "moderator") && handle) {
      return { kind: "set", role, handle: handle.replace(/^@/, ""), reason: reason.join(" ") || "command line" };
    }
  }
  if (verb === "revoke") {
    const [handle, ...reason] = rest;
    if (handle)
      return {
        kind: "set",
        role: "member",
        handle: handle.replace(/^@/, ""),
        reason: reason.join(" ") || "command line",
      };
  }
  return null;
}

const command = parse(process.argv.slice(2));
if (!command) {
  console.error(usage);
  process.exit(2);
}
// Only the database and Redis settings matter here (nothing is served, no mail is
// sent): the server's rule that production needs SMTP does not apply.
const config = loadConfig({ ...process.env, NODE_ENV: "development" });
let embedded: EmbeddedDatabase | undefined;
let url = config.databaseUrl;
if (!url) {
  // The embedded database of a running `npm start`, or this script starts it.
  const running = withDatabase(`postgresql://postgres:postgres@127.0.0.1:${config.embeddedPgPort}/postgres`, "orgo");
  if (await isReachable(running)) {
    url = running;
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, "postgres"),
      port: config.embeddedPgPort,
    });
    url = withDatabase(embedded.adminUrl, "orgo");
  }
}
// As `npm start` does (nothing to do on a database it already runs on).
await ensureDatabase(url);
await applyMigrations(url);
const db = createDb({ connectionString: url, maxConnections: 1 });
let status = 0;
try {
  if (command.kind === "list") {
    const staff = await staffList(db);
    if (staff.length === 0) console.log("No moderators or admins.");
    for (const person of staff) console.log(`${person.role.padEnd(10)} @${person.handle}`);
  } else {
    const change = await setRoleByCommandLine(db, command);
    if (!change) {
      console.error(`No account with the handle @${command.handle}.`);
      status = 1;
    } else if (!change.changed) {
      console.log(
        `@${change.handle} is already ${change.role === "member" ? "a member" : `a${change.role === "admin" ? "n" : ""} ${change.role}`}; nothing changed.`,
      );
    } else {
      console.log(`@${change.handle}: ${change.previous} → ${change.role} (audited).`);
      // Open moderation screens on running servers follow at once (with Redis; on one
      // process without Redis, at the next call: every procedure checks the role).
      if (config.redisUrl) {
        const bus = createRedisEventBus(config.redisUrl, createLogger("warn"));
        await publishStaffChanged(bus, change.userId, change.role);
        await bus.close();
      }
    }
  }
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
process.exit(status);
