import { fileURLToPath } from "node:url";
import path from "node:path";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

export const schemaPath = path.join(packageRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(packageRoot, "prisma", "migrations");
/** Every migration folder keeps the schema it was generated from, for offline diffs. */
export const snapshotFileName = "schema.prisma";
