import type {
  TFreeSlots,
  TFreeSlotsInput,
  TMentorDetail,
  TMentorListInput,
  TMentorPage,
  TMentorRef,
  TViewer,
} from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";

// Finding mentors: the directory (mentor-directory.ts) answers, shared with search.

/** Mentors by topic, language and free time. */
export const listMentors = (
  { directory }: MentoringDeps,
  input: TMentorListInput,
  viewer: TViewer | null,
): Promise<TMentorPage> => directory.list(input, viewer);

export const mentorById = (
  { directory }: MentoringDeps,
  { userId }: TMentorRef,
  viewer: TViewer | null,
): Promise<TMentorDetail> => directory.byId(userId, viewer);

export const mentorTopics = ({ directory }: MentoringDeps) => directory.topics();

export const freeSlots = (
  { directory }: MentoringDeps,
  input: TFreeSlotsInput,
  viewer: TViewer | null,
): Promise<TFreeSlots> => directory.freeSlots(input, viewer);
