/**
 * `npm run stack` (after scripts/stack.mjs has built everything): nginx on
 * STACK_PORT (8080) in front of two compiled API processes on STACK_API_PORTS
 * (3001,3002), sharing DATABASE_URL, REDIS_URL and one upload folder. An API process
 * that dies is started again, as a service manager would. Ctrl-C stops it all.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pingRedis } from "../src/platform/events/redis-event-bus.js";
import { startStack } from "./stack.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const port = Number(process.env.STACK_PORT ?? 8080);
const apiPorts = (process.env.STACK_API_PORTS ?? "3001,3002").split(",").map(Number);
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/orgo_stack";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
if (!(await pingRedis(redisUrl))) {
  console.error(`The stack needs Redis at ${redisUrl} (set REDIS_URL; apt-get install redis-server).`);
  process.exit(1);
}
const env: Record<string, string> = { SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? "true" };
if (!process.env.SMTP_URL) {
  // Production refuses to run without mail; here mail waits in the outbox page instead.
  Object.assign(env, { NODE_ENV: "development", DEV_OUTBOX_PAGE: "true" });
  console.log(`› No SMTP_URL: mail is kept at http://127.0.0.1:${apiPorts[0]}/dev/outbox (not behind nginx).`);
}

console.log(`› Starting ${apiPorts.length} API processes and nginx…`);
const stack = await startStack({
  port,
  apiPorts,
  databaseUrl,
  redisUrl,
  uploadDir: process.env.UPLOAD_DIR ?? path.join(repoRoot, ".data", "stack-uploads"),
  env,
  output: "inherit",
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

let stopping = false;
const watch = (index: number) =>
  stack.apis[index]!.child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`› API process ${index + 1} exited (${signal ?? code}); starting it again`);
    setTimeout(() => {
      stack.startApi(index).then(
        () => watch(index),
        (error: unknown) => console.error(error),
      );
    }, 1000);
  });
stack.apis.forEach((_, index) => watch(index));
console.log(`› OrGo is ready on ${stack.url} (nginx → ${apiPorts.map((p) => `:${p}`).join(", ")})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("› Stopping the stack…");
    void stack.stop().then(() => process.exit(0));
  });
}
