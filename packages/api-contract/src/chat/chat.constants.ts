// Zod-free: the web client's first screen imports these without the schemas.
export const CHAT_MESSAGE_MAX = 4_000;

export const CHAT_IMAGES_MAX = 4;

/** Different emoji on one message: a sane row of chips, not a wall. */
export const CHAT_REACTIONS_MAX = 20;

/** The people named per emoji (hover, long-press); the count says how many in all. */
export const CHAT_REACTORS_SHOWN = 10;

/** Pinned messages per room: a short list in the header, not a second history. */
export const CHAT_PINS_MAX = 50;

/** Search hits per page. */
export const CHAT_SEARCH_PAGE_MAX = 50;

/** A reply's quote of the message it answers: this many characters of its text. */
export const CHAT_QUOTE_CHARS = 120;
