import { afterAll, beforeAll } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { seedDemoData } from "@orgo/db";
import { channels, type TEventEnvelope, type TViewer } from "@orgo/api-contract";
import { createMemoryEventBus } from "../../src/platform/events/memory-event-bus.js";
import { createLocalFileStorage } from "../../src/platform/storage/local-file-storage.js";
import { createPostService } from "../../src/domains/posts/post.service.js";
import { createSocialService } from "../../src/domains/social/social.service.js";
import { createChatBlockListener } from "../../src/domains/chat/chat-block-listener.js";
import { createCommentService } from "../../src/domains/comments/comment.service.js";
import { createNotificationService } from "../../src/domains/notifications/notification.service.js";
import { createPostImageReceiver } from "../../src/domains/posts/post-image-upload.js";
import { tempDir } from "./temp-dir.js";
import { createLinkPreviews, type LinkPreviews } from "../../src/domains/chat/link-preview/link-previews.js";
import { createSafeFetch } from "../../src/platform/link-fetch/safe-fetch.js";
import { createLogger } from "../../src/platform/logger.js";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";
import { createTrust } from "../../src/domains/safety/trust.js";
import { createWatchedWords } from "../../src/domains/safety/watched-words.js";
import { createContentGuard, type ContentGuard } from "../../src/domains/safety/content-guard.js";

/**
 * The community services on a fresh, seeded database, with an in-process bus whose
 * events are recorded. `person()` makes a new user and answers a viewer for them.
 */
export function communityFixture() {
  const uploadRoot = tempDir();
  const f = {
    fresh: undefined as unknown as FreshDatabase,
    bus: createMemoryEventBus(),
    events: [] as TEventEnvelope[],
    storage: createLocalFileStorage(uploadRoot),
    posts: undefined as unknown as ReturnType<typeof createPostService>,
    social: undefined as unknown as ReturnType<typeof createSocialService>,
    comments: undefined as unknown as ReturnType<typeof createCommentService>,
    notifications: undefined as unknown as ReturnType<typeof createNotificationService>,
    uploadPostImage: undefined as unknown as ReturnType<typeof createPostImageReceiver>,
    limiter: createMemoryRateLimiter(),
    /** What stops abuse before a report (new accounts' limits, watched words, repeats), as the app builds it. */
    guard: undefined as unknown as ContentGuard,
    /** Every dependency the domain services take, for tests that build one of their own. */
    deps: undefined as unknown as {
      db: FreshDatabase["db"];
      bus: ReturnType<typeof createMemoryEventBus>;
      storage: ReturnType<typeof createLocalFileStorage>;
      limiter: ReturnType<typeof createMemoryRateLimiter>;
      guard: ContentGuard;
      /** Link previews through the real safe fetch (public addresses only: nothing in tests reaches one). */
      previews: LinkPreviews;
      /** Where the links in calendar files point. */
      publicOrigin: () => string;
    },
    n: 0,
    /**
     * A new person. Their account is a month old (past a new account's limits) unless
     * `newAccount`: tests of those limits make one that is minutes old.
     */
    person: async (handle?: string, options: { newAccount?: boolean } = {}): Promise<TViewer & { handle: string }> => {
      const name = handle ?? `member_${++f.n}`;
      const createdAt = new Date(Date.now() - (options.newAccount ? 60_000 : 30 * 24 * 3600_000));
      // Every test person has an e-mail, so a leak of it anywhere would show.
      const user = await f.fresh.db.user.create({
        data: { handle: name, displayName: name.toUpperCase(), email: `${name}@people.test`, createdAt },
      });
      // Their notifications are recorded too (each person has a channel of their own).
      await f.bus.subscribe(channels.notifications(user.id), (event) => f.events.push(event));
      return { userId: user.id, sessionId: `s-${name}`, signedInAtMs: Date.now(), handle: name };
    },
  };
  beforeAll(async () => {
    f.fresh = await freshDatabase();
    await seedDemoData(f.fresh.db);
    const now = () => new Date();
    const trust = createTrust({ db: f.fresh.db, limiter: f.limiter, now });
    const words = createWatchedWords({ db: f.fresh.db, bus: f.bus });
    f.guard = createContentGuard({ db: f.fresh.db, bus: f.bus, storage: f.storage, trust, words, now });
    const previews = createLinkPreviews({
      db: f.fresh.db,
      storage: f.storage,
      fetch: createSafeFetch(),
      logger: createLogger("silent"),
    });
    const deps = (f.deps = {
      db: f.fresh.db,
      bus: f.bus,
      storage: f.storage,
      limiter: f.limiter,
      guard: f.guard,
      previews,
      publicOrigin: () => "https://orgo.test",
    });
    f.posts = createPostService(deps);
    f.social = createSocialService({ ...deps, blockListeners: [createChatBlockListener(deps)] });
    f.comments = createCommentService(deps);
    f.notifications = createNotificationService(deps);
    f.uploadPostImage = createPostImageReceiver(deps);
    await f.bus.subscribe(channels.posts, (event) => f.events.push(event));
  });
  afterAll(() => f.fresh?.drop());
  return f;
}
