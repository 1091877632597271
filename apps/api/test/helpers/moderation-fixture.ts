import { beforeAll } from "vitest";
import type { TViewer } from "@orgo/api-contract";
import { addJob, startJobQueue, type JobQueue } from "../../src/platform/jobs/job-queue.js";
import { createLogger } from "../../src/platform/logger.js";
import { createSessionService } from "../../src/platform/sessions/session.service.js";
import { createTrust } from "../../src/domains/safety/trust.js";
import { createWatchedWords } from "../../src/domains/safety/watched-words.js";
import { createAdminService, createModerationService } from "../../src/domains/moderation/moderation.service.js";
import { createQueueFeed } from "../../src/domains/moderation/queue-feed.js";
import { createChatService } from "../../src/domains/chat/chat.service.js";
import { createStudyService } from "../../src/domains/studies/study.service.js";
import { createSearchService } from "../../src/domains/search/search.service.js";
import { createMentorDirectory } from "../../src/domains/mentoring/mentor-directory.js";
import { communityFixture } from "./community-fixture.js";

/** Jobs are added for real (graphile-worker's add_job); tests run a handler themselves. */
const jobs: JobQueue = {
  enqueue: addJob,
  stats: () => Promise.resolve({ due: 0, givenUp: 0, failedRuns: 0 }),
  stop: () => Promise.resolve(),
};

/**
 * The community fixture plus moderation: the moderation and admin services as the app
 * builds them, chat, studies and search to see decisions take effect, and a moderator
 * and an admin.
 */
export function moderationFixture() {
  const f = communityFixture();
  const m = {
    f,
    moderation: undefined as unknown as ReturnType<typeof createModerationService>,
    admin: undefined as unknown as ReturnType<typeof createAdminService>,
    chat: undefined as unknown as ReturnType<typeof createChatService>,
    studies: undefined as unknown as ReturnType<typeof createStudyService>,
    search: undefined as unknown as ReturnType<typeof createSearchService>,
    sessions: undefined as unknown as ReturnType<typeof createSessionService>,
    moderator: undefined as unknown as TViewer & { handle: string },
    adminUser: undefined as unknown as TViewer & { handle: string },
  };
  beforeAll(async () => {
    const { db } = f.fresh;
    const now = () => new Date();
    // graphile-worker's schema, installed by a queue starting once on this database.
    await (await startJobQueue({ connectionString: f.fresh.url, logger: createLogger("silent"), handlers: {} })).stop();
    m.sessions = createSessionService({ db });
    const deps = {
      db,
      bus: f.bus,
      storage: f.storage,
      sessions: m.sessions,
      jobs,
      limiter: f.limiter,
      trust: createTrust({ db, limiter: f.limiter, now }),
      words: createWatchedWords({ db, bus: f.bus }),
      now,
      queueFeed: createQueueFeed(f.bus),
    };
    m.moderation = createModerationService(deps);
    m.admin = createAdminService(deps);
    m.chat = createChatService({ ...f.deps, sendLimit: { limit: 1_000, windowMs: 10_000 } });
    m.studies = createStudyService(f.deps);
    m.search = createSearchService({
      ...f.deps,
      studies: m.studies,
      mentors: createMentorDirectory({ db, now }),
    });
    m.moderator = await f.person("mod_on_duty");
    m.adminUser = await f.person("the_admin");
    await db.user.update({ where: { id: m.moderator.userId }, data: { role: "moderator" } });
    await db.user.update({ where: { id: m.adminUser.userId }, data: { role: "admin" } });
  });
  return m;
}
