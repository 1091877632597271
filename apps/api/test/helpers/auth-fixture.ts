import { afterAll, beforeAll, expect } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { createDb, type Db } from "@orgo/db";
import { AppError, type TDevice, type TViewer } from "@orgo/api-contract";
import type { AuthService } from "@orgo/api-contract/server";
import { createAuthService } from "../../src/domains/auth/auth.service.js";
import { createSessionService, type SessionService } from "../../src/platform/sessions/session.service.js";
import { createDevOutbox, type DevOutbox } from "../../src/platform/mail/mailer.js";
import { createLogger } from "../../src/platform/logger.js";
import { startJobQueue, type JobQueue } from "../../src/platform/jobs/job-queue.js";
import { createAuthJobs } from "../../src/domains/auth/auth-jobs.js";
import { waitFor } from "./wait.js";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";
import { createMemoryEventBus } from "../../src/platform/events/memory-event-bus.js";
import { createLocalFileStorage } from "../../src/platform/storage/local-file-storage.js";
import { createUserService, type ProfileService } from "../../src/domains/users/user.service.js";
import type { FileStorage } from "../../src/platform/storage/file-storage.js";
import { tempDir } from "./temp-dir.js";
import { testGuard } from "./guard.js";

export const device: TDevice = { userAgent: "vitest", ip: "127.0.0.1" };

export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * The auth and user services on a fresh database with a clock the test moves,
 * the dev outbox as mailer and files in a temporary folder. Call at describe level.
 */
export function authFixture() {
  const f = {
    fresh: undefined as unknown as FreshDatabase,
    sessions: undefined as unknown as SessionService,
    outbox: undefined as unknown as DevOutbox,
    auth: undefined as unknown as AuthService,
    jobs: undefined as unknown as JobQueue,
    users: undefined as unknown as ProfileService,
    storage: undefined as unknown as FileStorage & { root: string },
    bus: createMemoryEventBus(),
    clock: new Date("2026-03-01T09:00:00Z"),
    advance: (ms: number) => {
      f.clock = new Date(f.clock.getTime() + ms);
    },
    /** The newest mail to `email`, sent now or by a job still running. */
    mailTo: (email: string) => {
      return f.outbox.messages.filter((m) => m.to === email).at(-1);
    },
    /** How many mails `email` has had. */
    mailCount: (email: string) => f.outbox.messages.filter((m) => m.to === email).length,
    /** Waits for the mail job to deliver mail number `n` to `email` (mail is sent off the request path). */
    mailArrives: async (email: string, n = f.mailCount(email) + 1) => {
      await waitFor(() => f.mailCount(email) >= n, `mail #${n} to ${email}`);
      return f.mailTo(email)!;
    },
    /** Starts a sign-up from a browser of its own and waits for its code. */
    startSignUp: async (person: { email: string; password: string; handle: string; displayName: string }) => {
      const n = f.mailCount(person.email) + 1;
      const started = await f.auth.signUpStart(person, device);
      const mail = await f.mailArrives(person.email, n);
      const code = /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? "";
      return { started, code, browser: { ...device, signUpToken: started.signUpToken } };
    },
    viewerOf: async (token: string): Promise<TViewer> => {
      const { session } = (await f.sessions.validate(token))!;
      return { userId: session.userId, sessionId: session.id, signedInAtMs: session.createdAt.getTime() };
    },
    n: 0,
    newPerson: () => {
      const n = ++f.n;
      return {
        email: `person${n}@example.com`,
        password: "correct horse",
        handle: `person_${n}`,
        displayName: `Person ${n}`,
      };
    },
    /** A new account through the real sign-up, with its first session. */
    signedUp: async () => {
      const person = f.newPerson();
      const { code, browser } = await f.startSignUp(person);
      const first = await f.auth.signUpVerify({ email: person.email, code }, browser);
      return { person, first, viewer: await f.viewerOf(first.token) };
    },
  };
  const uploadRoot = tempDir();
  let jobsDb: Db | undefined;

  beforeAll(async () => {
    f.fresh = await freshDatabase();
    const now = () => f.clock;
    f.sessions = createSessionService({ db: f.fresh.db, now });
    f.outbox = createDevOutbox(createLogger("silent"), { logText: false });
    f.storage = createLocalFileStorage(uploadRoot);
    // The jobs get a client of their own, so the statements tests count are the requests' alone.
    jobsDb = createDb({ connectionString: f.fresh.url, maxConnections: 4 });
    f.jobs = await startJobQueue({
      connectionString: f.fresh.url,
      logger: createLogger("silent"),
      handlers: createAuthJobs({ db: jobsDb, mailer: f.outbox, publicOrigin: () => "https://orgo.test", now }),
    });
    f.auth = createAuthService({
      db: f.fresh.db,
      sessions: f.sessions,
      jobs: f.jobs,
      limiter: createMemoryRateLimiter(() => f.clock.getTime()),
      bus: f.bus,
      storage: f.storage,
      oauthProviders: () => [],
      now,
    });
    f.users = createUserService({
      db: f.fresh.db,
      bus: f.bus,
      storage: f.storage,
      ...testGuard({ db: f.fresh.db, bus: f.bus, storage: f.storage }),
    });
  });
  afterAll(async () => {
    await f.jobs?.stop();
    await jobsDb?.$disconnect();
    await f.fresh?.drop();
  });
  return f;
}
