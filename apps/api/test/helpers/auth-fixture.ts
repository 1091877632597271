import { afterAll, beforeAll, expect } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { AppError, type AuthService, type TViewer } from "@orgo/api-contract";
import { createAuthService } from "../../src/auth/auth.service.js";
import { createSessionService, type SessionService } from "../../src/auth/session.service.js";
import { createDevOutbox, type DevOutbox } from "../../src/mail/mailer.js";
import { createLogger } from "../../src/logger.js";
import { createMemoryRateLimiter } from "../../src/rate-limit/memory-rate-limiter.js";
import { createMemoryEventBus } from "../../src/events/memory-event-bus.js";
import { createLocalFileStorage } from "../../src/storage/local-file-storage.js";
import { createUserService, type ProfileService } from "../../src/users/user.service.js";
import type { FileStorage } from "../../src/storage/file-storage.js";
import { tempDir } from "./temp-dir.js";

export const device = { userAgent: "vitest", ip: "127.0.0.1" };

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
    users: undefined as unknown as ProfileService,
    storage: undefined as unknown as FileStorage & { root: string },
    bus: createMemoryEventBus(),
    clock: new Date("2026-03-01T09:00:00Z"),
    advance: (ms: number) => {
      f.clock = new Date(f.clock.getTime() + ms);
    },
    /** The newest mail to `email`. */
    mailTo: (email: string) => {
      return f.outbox.messages.filter((m) => m.to === email).at(-1);
    },
    codeFor: (email: string) => {
      return /\b(\d{6})\b/.exec(f.mailTo(email)?.subject ?? "")?.[1] ?? "";
    },
    viewerOf: async (token: string): Promise<TViewer> => {
      const { session } = (await f.sessions.validate(token))!;
      return { userId: session.userId, sessionId: session.id, signedInAt: session.createdAt };
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
      await f.auth.signUpStart(person, device);
      const first = await f.auth.signUpVerify({ email: person.email, code: f.codeFor(person.email) }, device);
      return { person, first, viewer: await f.viewerOf(first.token) };
    },
  };
  const uploadRoot = tempDir();

  beforeAll(async () => {
    f.fresh = await freshDatabase();
    const now = () => f.clock;
    f.sessions = createSessionService({ db: f.fresh.db, now });
    f.outbox = createDevOutbox(createLogger("silent"));
    f.storage = createLocalFileStorage(uploadRoot);
    f.auth = createAuthService({
      db: f.fresh.db,
      sessions: f.sessions,
      mailer: f.outbox,
      limiter: createMemoryRateLimiter(() => f.clock.getTime()),
      bus: f.bus,
      storage: f.storage,
      publicOrigin: () => "https://orgo.test",
      oauthProviders: () => [],
      now,
    });
    f.users = createUserService({ db: f.fresh.db, storage: f.storage });
  });
  afterAll(() => f.fresh?.drop());
  return f;
}
