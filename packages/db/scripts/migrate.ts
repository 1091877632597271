// Applies pending migrations to DATABASE_URL (what `npm start` does on its own).
import { applyMigrations } from "../src/migrations/migrate.js";
import { ensureDatabase } from "../src/connection/admin.js";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL (npm start migrates its embedded database by itself).");
  process.exit(1);
}
await ensureDatabase(url);
const applied = await applyMigrations(url);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
