// Zod-free: the web client's first screen imports these without the schemas.
export const CHAT_MESSAGE_MAX = 4_000;

export const CHAT_IMAGES_MAX = 4;
