import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { startJobQueue, type JobQueue } from "../../src/platform/jobs/job-queue.js";
import { createAuthJobs } from "../../src/domains/auth/auth-jobs.js";
import { createDevOutbox, type Mailer } from "../../src/platform/mail/mailer.js";
import { createLogger } from "../../src/platform/logger.js";
import { waitFor } from "../helpers/wait.js";

/** Mail leaves through a job queue in PostgreSQL: it survives a restart and is retried when sending fails. */
describe("mail jobs", () => {
  let fresh: FreshDatabase;
  const outbox = createDevOutbox(createLogger("silent"), { logText: false });
  const logger = createLogger("silent");
  const queues: JobQueue[] = [];

  async function start(mailer: Mailer) {
    const queue = await startJobQueue({
      connectionString: fresh.url,
      logger,
      handlers: createAuthJobs({ db: fresh.db, mailer, publicOrigin: () => "https://orgo.test" }),
    });
    queues.push(queue);
    return queue;
  }
  async function person(email: string) {
    await fresh.db.user.create({ data: { email, handle: email.split("@")[0]!, displayName: "Mail test" } });
  }

  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.stop().catch(() => undefined)));
    await fresh?.drop();
  });

  it("keeps a job queued while no process runs the queue, and sends it when one starts", async () => {
    await person("restart@example.com");
    const first = await start(outbox);
    await first.stop();
    // Queued while nothing works the queue (the API was down), then the API comes back.
    await fresh.db.$transaction((tx) => first.enqueue(tx, "mail:passwordReset", { email: "restart@example.com" }));
    expect(outbox.messages.filter((m) => m.to === "restart@example.com")).toHaveLength(0);
    await start(outbox);
    await waitFor(() => outbox.messages.some((m) => m.to === "restart@example.com"), "the queued mail");
    expect(outbox.messages.find((m) => m.to === "restart@example.com")!.text).toContain("reset-password#token=");
  });

  it("retries a mail whose sending failed, and sends it once", async () => {
    await person("flaky@example.com");
    let calls = 0;
    const flaky: Mailer = {
      send: (message) => {
        calls++;
        return calls === 1 ? Promise.reject(new Error("SMTP server unavailable")) : outbox.send(message);
      },
    };
    // Only this queue's worker may take the job.
    await Promise.all(queues.splice(0).map((q) => q.stop()));
    const queue = await start(flaky);
    await fresh.db.$transaction((tx) => queue.enqueue(tx, "mail:passwordReset", { email: "flaky@example.com" }));
    // graphile-worker backs off exp(1) ≈ 3 s before the second attempt.
    await waitFor(() => outbox.messages.some((m) => m.to === "flaky@example.com"), "the retried mail", 20_000);
    expect(calls).toBe(2);
    expect(outbox.messages.filter((m) => m.to === "flaky@example.com")).toHaveLength(1);
  });

  it("sends nothing for a job whose transaction rolled back", async () => {
    await person("rollback@example.com");
    const queue = queues.at(-1)!;
    await fresh.db
      .$transaction(async (tx) => {
        await queue.enqueue(tx, "mail:passwordReset", { email: "rollback@example.com" });
        throw new Error("the request failed after queueing");
      })
      .catch(() => undefined);
    const queued = await fresh.db.$queryRaw<{ n: bigint }[]>`select count(*) as n from graphile_worker.jobs`;
    expect(queued[0]!.n).toBe(0n);
  });

  it("sweeps sign-ups and reset links a day after they expired, and nothing younger", async () => {
    const user = await fresh.db.user.create({
      data: { email: "sweep@example.com", handle: "sweep", displayName: "S" },
    });
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    const row = (expiresAt: Date) => ({
      email: "sweep@example.com",
      handle: "sweep_new",
      displayName: "S",
      passwordHash: "x",
      browserSecretHash: new Uint8Array(32),
      expiresAt,
    });
    await fresh.db.pendingSignUp.createMany({ data: [row(hoursAgo(25)), row(hoursAgo(2))] });
    await fresh.db.passwordReset.createMany({
      data: [hoursAgo(30), hoursAgo(1)].map((expiresAt) => ({
        userId: user.id,
        secretHash: new Uint8Array(32),
        expiresAt,
      })),
    });
    const jobs = createAuthJobs({ db: fresh.db, mailer: outbox, publicOrigin: () => "https://orgo.test" });
    await jobs["sweep:authLeftovers"]({});
    expect(await fresh.db.pendingSignUp.count({ where: { email: "sweep@example.com" } })).toBe(1);
    expect(await fresh.db.passwordReset.count({ where: { userId: user.id } })).toBe(1);
  });
});
