import type {
  TAuthOptions,
  TChangePasswordInput,
  TDeleteAccountInput,
  TOAuthProvider,
  TRequestPasswordResetInput,
  TResetPasswordInput,
  TMe,
  TSessionSummary,
  TSignInInput,
  TSignUpStarted,
  TSignUpStartInput,
  TSignUpVerifyInput,
  TStartedSession,
} from "./auth/auth.schemas.js";
import type { TViewer } from "./context.js";
import type { TProfile, TUpdateProfileInput } from "./users/user.schemas.js";
import type { TCreatePostInput, TFeedPage, TLatestFeedInput, TPostSummary } from "./posts/post.schemas.js";

/**
 * What the router needs from the server. apps/api implements it with Prisma and
 * Redis; router tests and web tests implement it with fakes.
 */
export interface PostService {
  latest(input: TLatestFeedInput): Promise<TFeedPage>;
  createAsDemoUser(input: TCreatePostInput): Promise<TPostSummary>;
  /**
   * New posts after `afterId` (or only future ones when null), in id order, without
   * gaps or duplicates; ends when `signal` aborts.
   */
  streamCreated(afterId: number | null, signal: AbortSignal): AsyncIterable<TPostSummary>;
}

export interface SystemService {
  /** True when the database answers. */
  ready(): Promise<boolean>;
}

export interface AuthService {
  /** The viewer's own profile; null when the session's user no longer exists. */
  me(viewer: TViewer): Promise<TMe | null>;
  /** Sends a 6-digit code; the account exists only after signUpVerify. */
  signUpStart(input: TSignUpStartInput, device: TDevice): Promise<TSignUpStarted>;
  signUpVerify(input: TSignUpVerifyInput, device: TDevice): Promise<TStartedSession>;
  signIn(input: TSignInInput, device: TDevice): Promise<TStartedSession>;
  signOut(viewer: TViewer): Promise<void>;
  /** The viewer's open sessions, newest activity first. */
  listSessions(viewer: TViewer): Promise<TSessionSummary[]>;
  /** Ends one of the viewer's own sessions; NOT_FOUND for anyone else's. */
  endSession(viewer: TViewer, sessionId: string): Promise<void>;
  /** Needs the current password; ends every other session of the user. */
  changePassword(viewer: TViewer, input: TChangePasswordInput): Promise<void>;
  /** Which OAuth providers are configured. */
  options(): TAuthOptions;
  /** Mails a single-use link when the address has an account; answers the same either way. */
  requestPasswordReset(input: TRequestPasswordResetInput, device: TDevice): Promise<void>;
  /** Sets the password, uses up the link, ends every session, and signs this browser in. */
  resetPassword(input: TResetPasswordInput, device: TDevice): Promise<TStartedSession>;
  /** Password (or a fresh sign-in) required; removes everything the user owns. */
  deleteAccount(viewer: TViewer, input: TDeleteAccountInput): Promise<void>;
  /** Refused when it is the account's last way to sign in. */
  unlinkProvider(viewer: TViewer, provider: TOAuthProvider): Promise<void>;
}

export interface UserService {
  /** NOT_FOUND for unknown handles. Never carries an e-mail. */
  profile(handle: string, viewer: TViewer | null): Promise<TProfile>;
  updateProfile(viewer: TViewer, input: TUpdateProfileInput): Promise<TMe>;
  removeAvatar(viewer: TViewer): Promise<TMe>;
}

export interface TDevice {
  userAgent: string;
  ip: string;
}

export interface Services {
  auth: AuthService;
  posts: PostService;
  system: SystemService;
  users: UserService;
}
