// Zod-free: the web client's first screen imports these without the schemas.
export const POST_TITLE_MAX = 200;

export const POST_BODY_MAX = 40_000;

export const POST_IMAGES_MAX = 10;

export const feedKinds = ["latest", "following", "popular"] as const;
