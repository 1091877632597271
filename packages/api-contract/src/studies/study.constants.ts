// Zod-free: the web client's first screen imports these without the schemas.
export const studyStatuses = ["recruiting", "closed", "in_progress", "ended"] as const;
