import { z } from "zod";
import { ZModerationMark } from "../moderation/moderation.schemas.js";
import { serverMessages as m } from "../messages.js";
import { ZPublicUser } from "../users/user.schemas.js";
import { ZDay, ZDbId, ZTimeZone } from "../common/common.schemas.js";
import { weeklySlots, ZWeeklySlot } from "../mentoring/mentoring.schemas.js";
import { studyStatuses, STUDY_SESSIONS_MAX } from "./study.constants.js";
export { studyStatuses, STUDY_SESSIONS_MAX, STUDY_CALENDAR_MAX } from "./study.constants.js";

export const ZStudyStatus = z.enum(studyStatuses);
export type TStudyStatus = z.infer<typeof ZStudyStatus>;

export const STUDY_PAGE_SIZE = 12;
/** Trimmed, lower-cased, de-duplicated, at most 10. */
const ZTags = z
  .array(z.string().trim().toLowerCase().min(1).max(30))
  .max(10, m.tooManyTags)
  .transform((tags) => [...new Set(tags)]);

const ZStudyFields = z.object({
  title: z.string().trim().min(1, m.titleRequired).max(120),
  description: z.string().trim().min(1, m.bodyRequired).max(20_000),
  startsOn: ZDay,
  endsOn: ZDay,
  recruitUntil: ZDay.nullish(),
  online: z.boolean(),
  location: z.string().trim().max(200).nullish(),
  capacity: z.number().int().min(2, m.capacityRange).max(100, m.capacityRange),
  tags: ZTags.default([]),
  timeZone: ZTimeZone.default("Asia/Seoul"),
  requiresApproval: z.boolean().default(false),
  /**
   * When it meets, every week, in its time zone (weekday 0 is Monday). Left out on an
   * update, the schedule stays as it is.
   */
  schedule: weeklySlots(STUDY_SESSIONS_MAX).optional(),
});

/** The rules between fields, as field errors: end not before start, deadline not after end, a place when offline. */
function checkFields<T extends z.infer<typeof ZStudyFields>>(study: T, ctx: z.RefinementCtx) {
  if (study.endsOn < study.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: m.endBeforeStart });
  if (study.recruitUntil && study.recruitUntil > study.endsOn) {
    ctx.addIssue({ code: "custom", path: ["recruitUntil"], message: m.deadlineAfterEnd });
  }
  if (!study.online && !study.location)
    ctx.addIssue({ code: "custom", path: ["location"], message: m.locationRequired });
}

export const ZCreateStudyInput = ZStudyFields.superRefine(checkFields);
export type TCreateStudyInput = z.infer<typeof ZCreateStudyInput>;
export const ZUpdateStudyInput = ZStudyFields.extend({ id: ZDbId }).superRefine(checkFields);
export type TUpdateStudyInput = z.infer<typeof ZUpdateStudyInput>;

export const ZStudyRef = z.object({ id: ZDbId });
export type TStudyRef = z.infer<typeof ZStudyRef>;
export const ZStudyMemberRef = z.object({ id: ZDbId, userId: z.uuid() });
export type TStudyMemberRef = z.infer<typeof ZStudyMemberRef>;

export const ZStudy = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  recruitUntil: z.string().nullable(),
  online: z.boolean(),
  location: z.string().nullable(),
  capacity: z.number().int(),
  memberCount: z.number().int(),
  waitlistCount: z.number().int(),
  tags: z.array(z.string()),
  timeZone: z.string(),
  requiresApproval: z.boolean(),
  /** Weekly sessions in `timeZone` (empty: none set). */
  schedule: z.array(ZWeeklySlot),
  /** The next session not yet over (null: no schedule, or the study has ended). */
  nextSession: z.object({ startsAt: z.date(), endsAt: z.date() }).nullable(),
  status: ZStudyStatus,
  /** Closed only because every seat is taken: joining puts one on the waitlist. */
  waitlistOpen: z.boolean(),
  leader: ZPublicUser.nullable(),
  /** The viewer's place: leader, member, waitlisted (with position), requested, or none. */
  me: z.object({
    role: z.enum(["leader", "member", "waitlisted", "requested", "none"]),
    waitlistPosition: z.number().int().nullable(),
  }),
  /** Hidden from others by moderators (or held for review): its leader sees why. */
  moderation: ZModerationMark.nullish(),
});
export type TStudy = z.infer<typeof ZStudy>;

export const ZStudyDetail = ZStudy.extend({
  members: z.array(ZPublicUser),
  /** Pending requests; only the leader sees them. */
  requests: z.array(ZPublicUser),
});
export type TStudyDetail = z.infer<typeof ZStudyDetail>;

export const ZStudyListInput = z.object({
  page: z.number().int().min(1).max(1000).default(1),
  status: ZStudyStatus.optional(),
  tag: z.string().trim().toLowerCase().max(30).optional(),
  online: z.boolean().optional(),
  /** The viewer's own: leading, joined, waitlisted or requested. */
  mine: z.enum(["leading", "joined", "waitlisted", "requested"]).optional(),
});
export type TStudyListInput = z.infer<typeof ZStudyListInput>;

export const ZStudyPage = z.object({
  items: z.array(ZStudy),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});
export type TStudyPage = z.infer<typeof ZStudyPage>;

export const ZJoinOutcome = z.object({ outcome: z.enum(["joined", "requested", "waitlisted"]), study: ZStudy });
export type TJoinOutcome = z.infer<typeof ZJoinOutcome>;

export const ZTagCount = z.object({ tag: z.string(), count: z.number().int() });

/** Live study changes: every study's (the list) or one study's (`id`, its page). */
export const ZOnStudiesInput = z.object({ id: ZDbId.nullish() }).nullish();
export type TOnStudiesInput = z.infer<typeof ZOnStudiesInput>;
/** "This study changed, refetch it" (each viewer sees their own seat and requests). */
export const ZStudySignal = z.object({ studyId: ZDbId, deleted: z.boolean() });
export type TStudySignal = z.infer<typeof ZStudySignal>;
