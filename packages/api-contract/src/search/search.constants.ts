// Zod-free: the web client's first screen imports these without the schemas.
export const searchKinds = ["posts", "people", "studies", "mentors"] as const;
