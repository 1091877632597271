import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { JobQueue } from "../../platform/jobs/job-queue.js";
import type { MentorDirectory } from "./mentor-directory.js";

/** What every mentoring use case is given. */
export interface MentoringDeps {
  db: Db;
  bus: EventBus;
  jobs: JobQueue;
  now: () => Date;
  directory: MentorDirectory;
}
