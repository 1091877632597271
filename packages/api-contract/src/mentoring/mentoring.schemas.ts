import { z } from "zod";
import { serverMessages as m } from "../messages.js";
import { ZPublicUser } from "../users/user.schemas.js";
import { ZDbId, ZTimeZone } from "../common/common.schemas.js";
import { mentorLanguages, MAX_PROPOSED_TIMES, slotOverlaps } from "./mentoring.constants.js";
export { mentorLanguages, MAX_PROPOSED_TIMES } from "./mentoring.constants.js";

export const ZMentorLanguage = z.enum(mentorLanguages);
export type TMentorLanguage = z.infer<typeof ZMentorLanguage>;

/** A meeting lasts 30 or 60 minutes. */
export const ZMeetingLength = z.union([z.literal(30), z.literal(60)]);
export type TMeetingLength = z.infer<typeof ZMeetingLength>;

/** Days ahead that free times are offered (and "this week" = the next 7 days). */
export const FREE_SLOT_DAYS = 14;
/** A free time starts at least this long after now: nobody is booked for the next hour. */
export const FREE_SLOT_LEAD_MINUTES = 60;
export const MAX_OPEN_REQUESTS = 5;
export const REQUEST_TTL_DAYS = 7;

/** A wall-clock time on the hour or half hour; "24:00" ends a slot at midnight. */
const ZClock = z.string().regex(/^(([01]\d|2[0-3]):(00|30)|24:00)$/, m.slotTimeFormat);

/** A weekly window of availability in the mentor's time zone; weekday 0 is Monday. */
export const ZWeeklySlot = z
  .object({ weekday: z.number().int().min(0).max(6), start: ZClock, end: ZClock })
  .refine((slot) => slot.end > slot.start, { message: m.slotEndBeforeStart, path: ["end"] });
export type TWeeklySlot = z.infer<typeof ZWeeklySlot>;

/** Weekly slots, at most `max`, none running into another on its day (each overlap a field error at its index). */
export const weeklySlots = (max: number) =>
  z
    .array(ZWeeklySlot)
    .max(max)
    .superRefine((slots, ctx) => {
      for (const overlap of slotOverlaps(slots)) {
        ctx.addIssue({ code: "custom", path: [overlap.index], message: m.slotsOverlap });
      }
    });

/** Topics, like studies' tags: trimmed, lower-cased, de-duplicated, 1–10. */
const ZTopics = z
  .array(z.string().trim().toLowerCase().min(1).max(30))
  .min(1, m.topicsRequired)
  .max(10, m.tooManyTags)
  .transform((tags) => [...new Set(tags)]);

/** An instant: a Date (superjson) or an ISO 8601 text with its offset (clients without superjson). */
export const ZInstant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))]);

/**
 * Where a meeting happens when not in the chat room: an https link, validated once
 * and stored normalised (a lower-case host, spaces encoded): no control character
 * (a CR/LF would start a new line of a calendar file) ever reaches the database.
 */
export const ZMeetingPlace = z
  .string()
  .trim()
  .max(500, m.placeUrl)
  .refine((text) => !/\p{Cc}/u.test(text), m.placeUrl)
  .transform((text, ctx) => {
    try {
      const url = new URL(text);
      if (url.protocol === "https:" && url.hostname !== "") return url.href;
    } catch {
      // Not a URL at all: refused below.
    }
    ctx.addIssue({ code: "custom", message: m.placeUrl });
    return z.NEVER;
  });

export const ZMentorSettingsInput = z.object({
  /** "I mentor": off ends nothing that is running, it only stops new requests (as pausing does). */
  active: z.boolean(),
  paused: z.boolean().default(false),
  topics: ZTopics,
  languages: z
    .array(ZMentorLanguage)
    .min(1, m.languageRequired)
    .transform((languages) => [...new Set(languages)]),
  pitch: z.string().trim().min(1, m.pitchRequired).max(2000, m.pitchTooLong),
  timeZone: ZTimeZone,
  capacity: z.number().int().min(1, m.mentorCapacityRange).max(20, m.mentorCapacityRange),
  slots: weeklySlots(28),
});
export type TMentorSettingsInput = z.infer<typeof ZMentorSettingsInput>;

/** My own mentoring settings (null: never turned on). */
export const ZMentorSettings = z.object({
  active: z.boolean(),
  paused: z.boolean(),
  topics: z.array(z.string()),
  languages: z.array(ZMentorLanguage),
  pitch: z.string(),
  timeZone: z.string(),
  capacity: z.number().int(),
  slots: z.array(ZWeeklySlot),
});
export type TMentorSettings = z.infer<typeof ZMentorSettings>;

/** A mentor as the list shows them. */
export const ZMentor = z.object({
  user: ZPublicUser,
  topics: z.array(z.string()),
  languages: z.array(ZMentorLanguage),
  pitch: z.string(),
  timeZone: z.string(),
  capacity: z.number().int(),
  /** Open relationships now: meetings neither cancelled nor over. */
  openCount: z.number().int(),
  /** Takes requests now: on, not paused, not full. */
  accepting: z.boolean(),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  /** The first free 30 minutes in the next 14 days (null: none). */
  nextFreeSlot: z.date().nullable(),
  /** Topics shared with the viewer's interests (tags of the studies they lead or joined, and of their posts' hashtags). */
  sharedTopics: z.array(z.string()),
});
export type TMentor = z.infer<typeof ZMentor>;

export const ZMentorReview = z.object({
  rating: z.number().int(),
  comment: z.string(),
  learner: ZPublicUser,
  ratedAt: z.date(),
});

export const ZMentorDetail = ZMentor.extend({
  slots: z.array(ZWeeklySlot),
  /** Comments the learners agreed to show, newest first. */
  reviews: z.array(ZMentorReview),
  /** My open (or countered) request to this mentor, if any. */
  myOpenRequestId: z.number().int().nullable(),
});
export type TMentorDetail = z.infer<typeof ZMentorDetail>;

export const ZMentorListInput = z.object({
  page: z.number().int().min(1).max(1000).default(1),
  topic: z.string().trim().toLowerCase().max(30).optional(),
  language: ZMentorLanguage.optional(),
  /** Only mentors with a free time in the next 7 days who take requests. */
  freeThisWeek: z.boolean().optional(),
});
export type TMentorListInput = z.infer<typeof ZMentorListInput>;
export const MENTOR_PAGE_SIZE = 12;

export const ZMentorPage = z.object({
  items: z.array(ZMentor),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});
export type TMentorPage = z.infer<typeof ZMentorPage>;

export const ZMentorHits = z.object({ items: z.array(ZMentor), total: z.number().int() });
export type TMentorHits = z.infer<typeof ZMentorHits>;

export const ZMentorRef = z.object({ userId: z.uuid() });
export type TMentorRef = z.infer<typeof ZMentorRef>;

export const ZFreeSlotsInput = z.object({ mentorId: z.uuid(), lengthMinutes: ZMeetingLength });
export type TFreeSlotsInput = z.infer<typeof ZFreeSlotsInput>;
/** Start instants the learner may propose (every half hour of the mentor's free time). */
export const ZFreeSlots = z.object({ timeZone: z.string(), starts: z.array(z.date()) });
export type TFreeSlots = z.infer<typeof ZFreeSlots>;

export const ZSendRequestInput = z.object({
  mentorId: z.uuid(),
  topic: z.string().trim().toLowerCase().min(1, m.topicNotOffered).max(30),
  message: z.string().trim().min(1, m.helpRequired).max(2000, m.pitchTooLong),
  lengthMinutes: ZMeetingLength,
  proposedTimes: z
    .array(ZInstant)
    .min(1, m.proposeOneToThree)
    .max(MAX_PROPOSED_TIMES, m.proposeOneToThree)
    .refine((times) => new Set(times.map((t) => t.getTime())).size === times.length, m.proposeOneToThree),
});
export type TSendRequestInput = z.infer<typeof ZSendRequestInput>;

export const requestStatuses = ["open", "countered", "accepted", "declined", "withdrawn", "expired"] as const;
export const ZRequestStatus = z.enum(requestStatuses);
export type TRequestStatus = z.infer<typeof ZRequestStatus>;

export const ZMentorRequest = z.object({
  id: z.number().int(),
  /** The viewer's side of it. */
  role: z.enum(["mentor", "learner"]),
  mentor: ZPublicUser,
  learner: ZPublicUser,
  topic: z.string(),
  message: z.string(),
  lengthMinutes: ZMeetingLength,
  proposedTimes: z.array(z.date()),
  status: ZRequestStatus,
  /** The mentor's other time (status countered). */
  counterTime: z.date().nullable(),
  place: z.string().nullable(),
  declineNote: z.string().nullable(),
  createdAt: z.date(),
  expiresAt: z.date(),
  meetingId: z.number().int().nullable(),
});
export type TMentorRequest = z.infer<typeof ZMentorRequest>;

export const ZRequestListInput = z.object({
  /** Requests I received as a mentor, or sent as a learner. */
  box: z.enum(["incoming", "outgoing"]),
  /** Waiting for an answer (open or countered) or answered / ended. */
  state: z.enum(["waiting", "closed"]).default("waiting"),
});
export type TRequestListInput = z.infer<typeof ZRequestListInput>;

export const ZRequestRef = z.object({ id: ZDbId });
export type TRequestRef = z.infer<typeof ZRequestRef>;
export const ZAnswerRequestInput = z.object({
  id: ZDbId,
  /** One of the proposed times (accept) or another free time of mine (propose). */
  startsAt: ZInstant,
  place: ZMeetingPlace.nullish(),
});
export type TAnswerRequestInput = z.infer<typeof ZAnswerRequestInput>;
export const ZDeclineRequestInput = z.object({ id: ZDbId, note: z.string().trim().max(500).nullish() });
export type TDeclineRequestInput = z.infer<typeof ZDeclineRequestInput>;

export const meetingStates = ["scheduled", "cancelled", "over"] as const;
export const ZMeeting = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  role: z.enum(["mentor", "learner"]),
  mentor: ZPublicUser,
  /** The zone the mentor keeps their hours in (null once they stopped mentoring): the card shows their local time too. */
  mentorTimeZone: z.string().nullable(),
  learner: ZPublicUser,
  topic: z.string(),
  startsAt: z.date(),
  lengthMinutes: ZMeetingLength,
  /** An https link, or null: the chat room. */
  place: z.string().nullable(),
  roomId: z.number().int(),
  state: z.enum(meetingStates),
  /** A new time waiting for an answer, and whether I proposed it. */
  proposal: z.object({ startsAt: z.date(), byMe: z.boolean() }).nullable(),
  cancelReason: z.string().nullable(),
  rating: z.object({ value: z.number().int(), comment: z.string().nullable(), public: z.boolean() }).nullable(),
  /** The learner may rate it now (over, not cancelled, not yet rated). */
  canRate: z.boolean(),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingListInput = z.object({ scope: z.enum(["upcoming", "past"]) });
export type TMeetingListInput = z.infer<typeof ZMeetingListInput>;
export const ZMeetingRef = z.object({ id: ZDbId });
export type TMeetingRef = z.infer<typeof ZMeetingRef>;
export const ZRescheduleInput = z.object({ id: ZDbId, startsAt: ZInstant });
export type TRescheduleInput = z.infer<typeof ZRescheduleInput>;
export const ZAnswerRescheduleInput = z.object({ id: ZDbId, accept: z.boolean() });
export type TAnswerRescheduleInput = z.infer<typeof ZAnswerRescheduleInput>;
export const ZCancelMeetingInput = z.object({
  id: ZDbId,
  reason: z.string().trim().min(1, m.reasonRequired).max(500),
});
export type TCancelMeetingInput = z.infer<typeof ZCancelMeetingInput>;
export const ZSetPlaceInput = z.object({ id: ZDbId, place: ZMeetingPlace.nullable() });
export type TSetPlaceInput = z.infer<typeof ZSetPlaceInput>;
export const ZRateMeetingInput = z.object({
  id: ZDbId,
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).nullish(),
  /** The learner agrees to show the comment on the mentor's profile. */
  public: z.boolean().default(false),
});
export type TRateMeetingInput = z.infer<typeof ZRateMeetingInput>;

/** An .ics file of a meeting, to add it to a calendar. */
/** An iCalendar file to download: a meeting, or a study's sessions. */
export const ZMeetingCalendar = z.object({ filename: z.string(), content: z.string() });
export type TMeetingCalendar = z.infer<typeof ZMeetingCalendar>;

/** The home screen's mentoring panel. */
export const ZMentoringOverview = z.object({
  mentors: z.array(ZPublicUser),
  mentees: z.array(ZPublicUser),
  upcoming: z.array(ZMeeting),
  /** Requests waiting for my answer as a mentor, or for my confirmation as a learner. */
  waitingForMe: z.number().int(),
});
export type TMentoringOverview = z.infer<typeof ZMentoringOverview>;
