// Zod-free: the web client's first screen imports these without the schemas.
export const mentorLanguages = ["ko", "en"] as const;

/** A learner proposes 1 to this many times. */
export const MAX_PROPOSED_TIMES = 3;
