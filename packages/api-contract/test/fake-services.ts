import { AppError, type Services, type TContext, type TMe, type TPostSummary } from "../src/index.js";

export function makePost(id: number, extra: Record<string, unknown> = {}): TPostSummary {
  return {
    id,
    title: `Post ${id}`,
    body: "body",
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, id)),
    author: { id: "u1", handle: "demo", displayName: "Demo", avatarUrl: null, ...extra },
  };
}

/** In-memory services: the router is tested without a database. */
export function fakeServices(overrides: Partial<Services["posts"]> = {}): Services {
  return {
    auth: {
      me: (viewer) => Promise.resolve(me(viewer.userId)),
      signUpStart: (input) =>
        Promise.resolve({ email: input.email, codeExpiresAt: new Date(0), resendAfterSeconds: 60 }),
      signUpVerify: () => Promise.resolve({ token: "t", expiresAt: new Date(0), me: me("u1") }),
      signIn: (input) =>
        input.password === "right-password"
          ? Promise.resolve({ token: "token-1", expiresAt: new Date(1000), me: me("u1") })
          : Promise.reject(new AppError("UNAUTHENTICATED", "Wrong e-mail or password")),
      signOut: () => Promise.resolve(),
      listSessions: () => Promise.resolve([]),
      endSession: () => Promise.resolve(),
      changePassword: () => Promise.resolve(),
      options: () => ({ providers: ["github"] }),
      requestPasswordReset: () => Promise.resolve(),
      resetPassword: () => Promise.resolve({ token: "token-2", expiresAt: new Date(1000), me: me("u1") }),
      deleteAccount: () => Promise.resolve(),
      unlinkProvider: () => Promise.resolve(),
    },
    users: {
      profile: (handle) =>
        handle === "demo"
          ? Promise.resolve({
              ...me("u1"),
              joinedAt: new Date(0),
              postCount: 5,
              isMe: false,
            })
          : Promise.reject(new AppError("NOT_FOUND", "No such user")),
      updateProfile: (viewer, input) => Promise.resolve({ ...me(viewer.userId), ...input }),
      removeAvatar: (viewer) => Promise.resolve(me(viewer.userId)),
    },
    posts: {
      latest: ({ cursor, limit }) => {
        const all = [5, 4, 3, 2, 1].filter((id) => !cursor || id < cursor);
        const items = all.slice(0, limit).map((id) => makePost(id));
        return Promise.resolve({ items, nextCursor: all.length > limit ? (items.at(-1)?.id ?? null) : null });
      },
      createAsDemoUser: (input) => Promise.resolve({ ...makePost(6), ...input }),
      async *streamCreated(afterId) {
        for (let id = (afterId ?? 0) + 1; id <= 3; id++) {
          yield await Promise.resolve(makePost(id));
        }
      },
      ...overrides,
    },
    system: { ready: () => Promise.resolve(true) },
  };
}

function me(id: string): TMe {
  return {
    id,
    handle: "demo",
    displayName: "Demo",
    avatarUrl: null,
    bio: "",
    email: "me@example.com",
    hasPassword: true,
    linkedProviders: [],
  };
}

/** A context as the server builds it for HTTP; `cookies.log` records what was set. */
export function testContext(overrides: Partial<TContext> = {}) {
  const log: string[] = [];
  const context: TContext = {
    services: fakeServices(),
    requestId: "req-1",
    viewer: null,
    device: { userAgent: "test", ip: "127.0.0.1" },
    cookies: {
      setSession: (token) => log.push(`set ${token}`),
      clearSession: () => log.push("clear"),
    },
    ...overrides,
  };
  return { context, cookieLog: log };
}
