import { samplePost } from "./sample-post.js";
import { AppError, type TChannel, type TMe } from "../index.js";
import { LiveFeed, type Services, type TContext } from "../server/index.js";
import { notificationCategories } from "../notifications/notification.schemas.js";

export const makePost = samplePost;

/** A feed of fixed items, as a caller iterating it sees them (no bus, no hub). */
const allOn = {
  categories: Object.fromEntries(notificationCategories.map((c) => [c, { inApp: true, desktop: true }])) as never,
  pausedUntil: null,
};

function fixedFeed<T>(channel: TChannel, items: () => T[]): LiveFeed<T> {
  return LiveFeed.of<T>(
    {
      channel,
      select: () => null,
      catchUp: () => Promise.resolve([]),
      headId: () => Promise.resolve(0),
      idOf: () => 0,
      afterId: null,
      maxQueue: 1,
      async *iterate() {
        for (const item of items()) yield await Promise.resolve(item);
      },
    },
    new AbortController().signal,
  );
}

/** In-memory services: the router is tested without a database. */
/** Anything asked of a record that is not there. */
const gone = () => Promise.reject(new AppError("NOT_FOUND", "gone"));

export function fakeServices(overrides: Partial<Services["posts"]> = {}): Services {
  return {
    auth: {
      me: (viewer) => Promise.resolve(me(viewer.userId)),
      signUpStart: (input) =>
        Promise.resolve({
          email: input.email,
          codeExpiresAt: new Date(0),
          resendAfterSeconds: 60,
          signUpToken: "signup-token",
        }),
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
              followerCount: 0,
              followingCount: 0,
              isMe: false,
              followedByMe: false,
              followsMe: false,
              blockedByMe: false,
            })
          : Promise.reject(new AppError("NOT_FOUND", "No such user")),
      updateProfile: (viewer, input) => Promise.resolve({ ...me(viewer.userId), ...input }),
      removeAvatar: (viewer) => Promise.resolve(me(viewer.userId)),
      suggest: () => Promise.resolve([]),
      recommended: () => Promise.resolve([]),
      streamProfile: (userId) => Promise.resolve(fixedFeed(`user:${userId}`, () => [])),
    },
    posts: {
      feed: ({ cursor, limit }) => {
        const all = [5, 4, 3, 2, 1].filter((id) => !cursor || id < Number(cursor));
        const items = all.slice(0, limit).map((id) => makePost(id));
        return Promise.resolve({
          items,
          nextCursor: all.length > limit ? String(items.at(-1)?.id ?? "") || null : null,
        });
      },
      recommended: () => Promise.resolve([makePost(5)]),
      byId: (id) => (id <= 5 ? Promise.resolve(makePost(id)) : Promise.reject(new AppError("NOT_FOUND", "gone"))),
      recordView: () => Promise.resolve(1),
      create: (_viewer, input) => Promise.resolve({ ...makePost(6), ...input }),
      update: (_viewer, input) => Promise.resolve({ ...makePost(input.id), ...input }),
      delete: () => Promise.resolve(),
      like: () => Promise.resolve({ liked: true, likeCount: 1 }),
      unlike: () => Promise.resolve({ liked: false, likeCount: 0 }),
      streamCreated: (afterId) =>
        fixedFeed("posts", () => [1, 2, 3].filter((id) => id > (afterId ?? 0)).map((id) => makePost(id))),
      streamDeleted: () => fixedFeed("posts", () => []),
      streamChanges: (id) => Promise.resolve(fixedFeed(`post:${id}`, () => [])),
      ...overrides,
    },
    social: {
      follow: () => Promise.resolve({ following: true, followerCount: 1 }),
      unfollow: () => Promise.resolve({ following: false, followerCount: 0 }),
      followers: () => Promise.resolve({ items: [], nextCursor: null }),
      following: () => Promise.resolve({ items: [], nextCursor: null }),
      block: () => Promise.resolve(),
      unblock: () => Promise.resolve(),
      blocked: () => Promise.resolve([]),
    },
    comments: {
      list: () => Promise.resolve({ items: [], nextCursor: null }),
      create: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      update: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      delete: () => Promise.resolve(),
      like: gone,
      unlike: gone,
    },
    mentoring: {
      mySettings: () => Promise.resolve(null),
      updateSettings: gone,
      list: (input) => Promise.resolve({ items: [], total: 0, page: input.page, pageCount: 0 }),
      byId: gone,
      topics: () => Promise.resolve([]),
      freeSlots: () => Promise.resolve({ timeZone: "Asia/Seoul", starts: [] }),
      sendRequest: gone,
      requests: () => Promise.resolve([]),
      requestById: gone,
      withdrawRequest: gone,
      acceptRequest: gone,
      proposeTime: gone,
      confirmTime: gone,
      declineRequest: gone,
      meetings: () => Promise.resolve([]),
      meetingById: gone,
      proposeReschedule: gone,
      answerReschedule: gone,
      cancelMeeting: gone,
      setPlace: gone,
      rateMeeting: gone,
      meetingCalendar: gone,
      overview: () => Promise.resolve({ mentors: [], mentees: [], upcoming: [], waitingForMe: 0 }),
    },
    presence: {
      of: () => Promise.resolve([]),
      watch: (viewer) => fixedFeed(`user:${viewer.userId}`, () => []),
    },
    chat: {
      inbox: () => Promise.resolve({ rooms: [], unreadTotal: 0 }),
      room: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      openDirect: () => Promise.reject(new AppError("FORBIDDEN", "follow first")),
      history: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      search: () => Promise.resolve({ items: [], nextCursor: null }),
      send: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      react: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      pin: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      pins: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      removePreview: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      edit: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      delete: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      markRead: () => Promise.resolve(),
      typing: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      mute: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      streamRoom: (_viewer, { roomId }) => fixedFeed(`chat:room:${roomId}`, () => []),
      streamInbox: (viewer) => fixedFeed(`chat:user:${viewer.userId}`, () => []),
    },
    studies: {
      list: () => Promise.resolve({ items: [], total: 0, page: 1, pageCount: 0 }),
      byId: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      popularTags: () => Promise.resolve([]),
      calendar: gone,
      streamChanges: () => Promise.resolve(fixedFeed("studies", () => [])),
      create: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      update: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      delete: () => Promise.resolve(),
      join: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      joinWaitlist: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      leave: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      accept: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      decline: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      removeMember: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
      closeRecruiting: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
    },
    search: {
      posts: () => Promise.resolve({ items: [], total: 0 }),
      people: () => Promise.resolve({ items: [], total: 0 }),
      studies: () => Promise.resolve({ items: [], total: 0 }),
      mentors: () => Promise.resolve({ items: [], total: 0 }),
      counts: () => Promise.resolve({ posts: 0, people: 0, studies: 0, mentors: 0 }),
      record: () => Promise.resolve(),
      trending: () => Promise.resolve([]),
    },
    notifications: {
      list: () => Promise.resolve({ items: [], nextCursor: null }),
      unreadCount: () => Promise.resolve(0),
      markRead: () => Promise.resolve(),
      markAllRead: () => Promise.resolve(),
      preferences: () => Promise.resolve(allOn),
      setPreference: () => Promise.resolve(allOn),
      pause: (_viewer, until) => Promise.resolve({ ...allOn, pausedUntil: until }),
      delivery: () => Promise.resolve(delivery),
      setDelivery: (_viewer, input) => Promise.resolve({ ...delivery, ...input }),
      stream: (viewer) => fixedFeed(`notifications:${viewer.userId}`, () => []),
    },
    push: {
      config: () => ({ publicKey: null }),
      subscribe: () => Promise.reject(new AppError("VALIDATION", "push is off")),
      devices: () => Promise.resolve([]),
      remove: () => Promise.reject(new AppError("NOT_FOUND", "gone")),
    },
    moderation: {
      // "mod-1" and "admin-1" hold those roles; everyone else is a member.
      roleOf: (viewer) => Promise.resolve(roleOf(viewer.userId)),
      standing: (viewer) =>
        Promise.resolve({ role: roleOf(viewer.userId), trust: { level: "member", nextLevelAt: null } }),
      report: gone,
      myReports: () => Promise.resolve({ items: [], nextCursor: null }),
      myDecision: gone,
      appeal: gone,
      queue: () => Promise.resolve({ items: [], nextCursor: null }),
      caseById: gone,
      claim: gone,
      release: gone,
      decide: gone,
      decideAppeal: gone,
      streamQueue: () => fixedFeed("moderation", () => []),
    },
    admin: {
      staff: () => Promise.resolve([]),
      setRole: gone,
      audit: () => Promise.resolve({ items: [], nextCursor: null }),
      wordRules: () => Promise.resolve([]),
      addWordRule: gone,
      removeWordRule: () => Promise.resolve(),
      dashboard: gone,
    },
    system: {
      ready: () => Promise.resolve(true),
      reportClientError: (_r, from) => Promise.resolve({ reference: from.requestId }),
    },
  };
}

const roleOf = (userId: string) => (userId === "admin-1" ? "admin" : userId === "mod-1" ? "moderator" : "member");

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

const delivery = {
  language: "en",
  unreadMail: "15m",
  digest: "weekly",
  pushHidesContent: false,
  mailReachable: true,
} as const;

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
      setSignUp: (token) => log.push(`signup ${token}`),
      clearSignUp: () => log.push("signup cleared"),
      setTrustedDevice: (token) => log.push(`device ${token}`),
    },
    ...overrides,
  };
  return { context, cookieLog: log };
}
