/** The columns of a public user DTO (`ZPublicUser`): never the e-mail. */
export const publicUserSelect = { id: true, handle: true, displayName: true, avatarUrl: true } as const;
