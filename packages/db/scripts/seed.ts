import { createDb } from "../src/client.js";
import { seedDemoData } from "../src/seed/seed.js";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL.");
  process.exit(1);
}
const db = createDb({ connectionString: url });
console.log(await seedDemoData(db));
await db.$disconnect();
