// Zod-free: the web client's first screen imports these without the schemas.
export const studyStatuses = ["recruiting", "closed", "in_progress", "ended"] as const;

/** Weekly sessions a study's schedule holds at most. */
export const STUDY_SESSIONS_MAX = 14;
/** Sessions a study's calendar file lists at most (a long study's first ones). */
export const STUDY_CALENDAR_MAX = 200;
