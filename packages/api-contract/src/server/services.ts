import type { LiveFeed } from "./live/live-feed.js";
import type {
  TDelivery,
  TPushConfig,
  TPushDevice,
  TPushSubscribeInput,
  TSetDeliveryInput,
} from "../push/push.schemas.js";
import type {
  TAddWordRuleInput,
  TAppealInput,
  TAuditInput,
  TAuditPage,
  TCaseDetail,
  TCaseRef,
  TDashboard,
  TDashboardInput,
  TDecideAppealInput,
  TDecideInput,
  TDecisionRef,
  TMyDecision,
  TMyReport,
  TMyReportsInput,
  TMyReportsPage,
  TQueueInput,
  TQueuePage,
  TQueueSignal,
  TReportInput,
  TRole,
  TSetRoleInput,
  TStaffMember,
  TTrust,
  TWordRule,
  TWordRuleRef,
} from "../moderation/moderation.schemas.js";

import type {
  TAuthOptions,
  TChangePasswordInput,
  TDeleteAccountInput,
  TRequestPasswordResetInput,
  TResetPasswordInput,
  TMe,
  TSessionSummary,
  TSignInInput,
  TSignUpStarted,
  TSignUpStartInput,
  TSignUpVerifyInput,
  TStartedSession,
  TEndSessionInput,
  TUnlinkProviderInput,
} from "../auth/auth.schemas.js";
import type { TDevice, TViewer } from "../viewer.js";
import type { TClientErrorReceipt, TClientErrorReport } from "../system/system.schemas.js";
import type { TPresence } from "../presence/presence.schemas.js";
import type {
  TChatHistory,
  TChatHistoryInput,
  TChatSearchInput,
  TChatSearchPage,
  TChatInbox,
  TChatMessage,
  TChatRoom,
  TEditMessageInput,
  TInboxEvent,
  TMessageRef,
  TRoomEvent,
  TSendMessageInput,
  TMuteRoomInput,
  TRoomRef,
  TOpenDirectInput,
  TMarkReadInput,
  TReactionInput,
  TPinnedMessage,
} from "../chat/chat.schemas.js";
import type {
  TAnswerRequestInput,
  TDeclineRequestInput,
  TFreeSlots,
  TFreeSlotsInput,
  TMeeting,
  TMeetingCalendar,
  TMentorDetail,
  TMentorHits,
  TMentorListInput,
  TMentorPage,
  TMentorRequest,
  TMentorSettings,
  TMentorSettingsInput,
  TMentoringOverview,
  TRateMeetingInput,
  TRequestListInput,
  TSendRequestInput,
  TMentorRef,
  TRequestRef,
  TMeetingListInput,
  TMeetingRef,
  TRescheduleInput,
  TAnswerRescheduleInput,
  TCancelMeetingInput,
  TSetPlaceInput,
} from "../mentoring/mentoring.schemas.js";
import type { TProfile, TProfileSignal, TUpdateProfileInput } from "../users/user.schemas.js";
import type {
  TCreatePostInput,
  TFeedInput,
  TFeedPage,
  TLikeState,
  TPost,
  TPostSummary,
  TPostChange,
  TPostDeleted,
  TUpdatePostInput,
} from "../posts/post.schemas.js";
import type { TFollowState, TPeopleInput, TPeoplePage } from "../social/social.schemas.js";
import type { TPublicUser, TRecommendedPerson } from "../users/user.schemas.js";
import type {
  TCreateStudyInput,
  TJoinOutcome,
  TStudy,
  TStudyDetail,
  TStudySignal,
  TStudyListInput,
  TStudyPage,
  TUpdateStudyInput,
  TStudyRef,
  TStudyMemberRef,
} from "../studies/study.schemas.js";
import type {
  TPersonHits,
  TPostHits,
  TSearchCounts,
  TSearchInput,
  TStudyHits,
  TTrendingTerm,
} from "../search/search.schemas.js";
import type {
  TNotificationEvent,
  TNotificationListInput,
  TNotificationPage,
  TNotificationPreferences,
  TSetNotificationPreferenceInput,
} from "../notifications/notification.schemas.js";
import type {
  TComment,
  TCommentListInput,
  TCommentPage,
  TCreateCommentInput,
  TUpdateCommentInput,
} from "../comments/comment.schemas.js";

/**
 * What the router needs from the server. apps/api implements it with Prisma and
 * Redis; router tests and web tests implement it with fakes.
 */
export interface PostService {
  /** A page of Latest, Following (needs a viewer) or Popular; keyset-paginated. */
  feed(input: TFeedInput, viewer: TViewer | null): Promise<TFeedPage>;
  /** The 5 most-liked posts of the last week. */
  recommended(viewer: TViewer | null): Promise<TPostSummary[]>;
  /** NOT_FOUND when missing or deleted. */
  byId(id: number, viewer: TViewer | null): Promise<TPost>;
  /** Counts one view per viewer (or anonymous device) per post per day; answers the view count. */
  recordView(id: number, viewer: TViewer | null, device: TDevice): Promise<number>;
  create(viewer: TViewer, input: TCreatePostInput): Promise<TPost>;
  /** Author only; images are replaced by `imageIds` in that order. */
  update(viewer: TViewer, input: TUpdatePostInput): Promise<TPost>;
  /** Author only; soft delete. */
  delete(viewer: TViewer, id: number): Promise<void>;
  /** Idempotent. */
  like(viewer: TViewer, id: number): Promise<TLikeState>;
  unlike(viewer: TViewer, id: number): Promise<TLikeState>;
  /**
   * New posts after `afterId` (or only future ones when null), in id order, without
   * gaps or duplicates; ends when `signal` aborts.
   */
  streamCreated(afterId: number | null, signal: AbortSignal): LiveFeed<TPostSummary>;
  /** Posts deleted from now on (open lists drop them). */
  streamDeleted(signal: AbortSignal): LiveFeed<TPostDeleted>;
  /** One post's counts and comment changes from now on; NOT_FOUND for a missing post. */
  streamChanges(id: number, signal: AbortSignal): Promise<LiveFeed<TPostChange>>;
}

export interface SocialService {
  /** Idempotent; refused for oneself and across a block. */
  follow(viewer: TViewer, userId: string): Promise<TFollowState>;
  unfollow(viewer: TViewer, userId: string): Promise<TFollowState>;
  followers(input: TPeopleInput, viewer: TViewer | null): Promise<TPeoplePage>;
  following(input: TPeopleInput, viewer: TViewer | null): Promise<TPeoplePage>;
  /** Idempotent; also ends follows both ways. */
  block(viewer: TViewer, userId: string): Promise<void>;
  unblock(viewer: TViewer, userId: string): Promise<void>;
  blocked(viewer: TViewer): Promise<TPublicUser[]>;
}

export interface CommentService {
  list(input: TCommentListInput, viewer: TViewer | null): Promise<TCommentPage>;
  create(viewer: TViewer, input: TCreateCommentInput): Promise<TComment>;
  update(viewer: TViewer, input: TUpdateCommentInput): Promise<TComment>;
  delete(viewer: TViewer, id: number): Promise<void>;
  /** Idempotent both ways: a repeat changes nothing and answers the same state. */
  like(viewer: TViewer, id: number): Promise<TLikeState>;
  unlike(viewer: TViewer, id: number): Promise<TLikeState>;
}

export interface StudyService {
  list(input: TStudyListInput, viewer: TViewer | null): Promise<TStudyPage>;
  byId(input: TStudyRef, viewer: TViewer | null): Promise<TStudyDetail>;
  popularTags(): Promise<{ tag: string; count: number }[]>;
  calendar(input: TStudyRef, viewer: TViewer | null): Promise<TMeetingCalendar>;
  /** Changes to every study (id null) or to one (NOT_FOUND when it does not exist), from now on. */
  streamChanges(input: { id: number | null }, signal: AbortSignal): Promise<LiveFeed<TStudySignal>>;
  create(viewer: TViewer, input: TCreateStudyInput): Promise<TStudy>;
  update(viewer: TViewer, input: TUpdateStudyInput): Promise<TStudy>;
  delete(viewer: TViewer, input: TStudyRef): Promise<void>;
  /** A seat if one is free (or a request when approval is needed); never overbooks. */
  join(viewer: TViewer, input: TStudyRef): Promise<TJoinOutcome>;
  joinWaitlist(viewer: TViewer, input: TStudyRef): Promise<TJoinOutcome>;
  /** Frees the seat (or the waitlist place / request); the first in line is promoted. */
  leave(viewer: TViewer, input: TStudyRef): Promise<TStudy>;
  accept(viewer: TViewer, input: TStudyMemberRef): Promise<TStudy>;
  decline(viewer: TViewer, input: TStudyMemberRef): Promise<TStudy>;
  removeMember(viewer: TViewer, input: TStudyMemberRef): Promise<TStudy>;
  closeRecruiting(viewer: TViewer, input: TStudyRef): Promise<TStudy>;
}

export interface SearchService {
  posts(input: TSearchInput, viewer: TViewer | null): Promise<TPostHits>;
  people(input: TSearchInput): Promise<TPersonHits>;
  studies(input: TSearchInput, viewer: TViewer | null): Promise<TStudyHits>;
  mentors(input: TSearchInput, viewer: TViewer | null): Promise<TMentorHits>;
  counts(q: string, viewer: TViewer | null): Promise<TSearchCounts>;
  /** Counts the (normalised) term for today; rate limited per client. */
  record(q: string, device: TDevice): Promise<void>;
  /** The most searched terms of the last 7 days. */
  trending(): Promise<TTrendingTerm[]>;
}

export interface NotificationService {
  list(viewer: TViewer, input: TNotificationListInput): Promise<TNotificationPage>;
  unreadCount(viewer: TViewer): Promise<number>;
  markRead(viewer: TViewer, id: number): Promise<void>;
  markAllRead(viewer: TViewer): Promise<void>;
  preferences(viewer: TViewer): Promise<TNotificationPreferences>;
  setPreference(viewer: TViewer, input: TSetNotificationPreferenceInput): Promise<TNotificationPreferences>;
  pause(viewer: TViewer, until: Date | null): Promise<TNotificationPreferences>;
  /** What reaches me outside the app: mail settings, lock-screen privacy, the language. */
  delivery(viewer: TViewer): Promise<TDelivery>;
  setDelivery(viewer: TViewer, input: TSetDeliveryInput): Promise<TDelivery>;
  /** My notifications' changes after `afterChangeSeq` (null: from now), then live, with reads from my other tabs. */
  stream(
    viewer: TViewer,
    afterChangeSeq: number | null,
    signal: AbortSignal,
  ): LiveFeed<{ id?: number; event: TNotificationEvent }>;
}

export interface SystemService {
  /** True when the database answers. */
  ready(): Promise<boolean>;
  /** Logs a web client's error; RATE_LIMITED past a few a minute per address. */
  reportClientError(
    report: TClientErrorReport,
    from: { device: TDevice; requestId: string; viewer: TViewer | null },
  ): Promise<TClientErrorReceipt>;
}

export interface AuthService {
  /** The viewer's own profile; null when the session's user no longer exists. */
  me(viewer: TViewer): Promise<TMe | null>;
  /**
   * Queues a 6-digit code (or, for a registered address, a notice) to the address and
   * answers the same either way; the account exists only after signUpVerify from the
   * same browser (`signUpToken`, which the router puts in a cookie).
   */
  signUpStart(input: TSignUpStartInput, device: TDevice): Promise<TSignUpStarted & { signUpToken: string }>;
  signUpVerify(input: TSignUpVerifyInput, device: TDevice): Promise<TStartedSession>;
  signIn(input: TSignInInput, device: TDevice): Promise<TStartedSession>;
  signOut(viewer: TViewer): Promise<void>;
  /** The viewer's open sessions, newest activity first. */
  listSessions(viewer: TViewer): Promise<TSessionSummary[]>;
  /** Ends one of the viewer's own sessions; NOT_FOUND for anyone else's. */
  endSession(viewer: TViewer, input: TEndSessionInput): Promise<void>;
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
  unlinkProvider(viewer: TViewer, input: TUnlinkProviderInput): Promise<void>;
}

export interface UserService {
  /** NOT_FOUND for unknown handles. Never carries an e-mail. */
  profile(handle: string, viewer: TViewer | null): Promise<TProfile>;
  updateProfile(viewer: TViewer, input: TUpdateProfileInput): Promise<TMe>;
  removeAvatar(viewer: TViewer): Promise<TMe>;
  /** People to mention (see user.suggest). */
  suggest(viewer: TViewer, q: string): Promise<TPublicUser[]>;
  /** People to follow (see user.recommended). */
  recommended(viewer: TViewer): Promise<TRecommendedPerson[]>;
  /** A person's profile changes from now on; NOT_FOUND for an unknown person. */
  streamProfile(userId: string, signal: AbortSignal): Promise<LiveFeed<TProfileSignal>>;
}

export interface ChatService {
  inbox(viewer: TViewer): Promise<TChatInbox>;
  /** NOT_FOUND unless I am a member (and no block hides it). */
  room(viewer: TViewer, input: TRoomRef): Promise<TChatRoom>;
  openDirect(viewer: TViewer, input: TOpenDirectInput): Promise<TChatRoom>;
  history(viewer: TViewer, input: TChatHistoryInput): Promise<TChatHistory>;
  /** Only the rooms of my list; NOT_FOUND for a room asked for that is not mine. */
  search(viewer: TViewer, input: TChatSearchInput): Promise<TChatSearchPage>;
  send(viewer: TViewer, input: TSendMessageInput): Promise<TChatMessage>;
  /** The sender only. */
  edit(viewer: TViewer, input: TEditMessageInput): Promise<TChatMessage>;
  /** The sender only; a placeholder stays. */
  delete(viewer: TViewer, input: TMessageRef): Promise<TChatMessage>;
  /** Any member; `on`: add (true) or take back (false) my reaction. Idempotent. */
  react(viewer: TViewer, input: TReactionInput, on: boolean): Promise<TChatMessage>;
  /** `on`: pin (any member) or unpin (see chat.unpin). Idempotent. */
  pin(viewer: TViewer, input: TMessageRef, on: boolean): Promise<TChatMessage>;
  pins(viewer: TViewer, input: TRoomRef): Promise<TPinnedMessage[]>;
  /** The sender only: takes the link preview off the message for good. */
  removePreview(viewer: TViewer, input: TMessageRef): Promise<TChatMessage>;
  markRead(viewer: TViewer, input: TMarkReadInput): Promise<void>;
  typing(viewer: TViewer, input: TRoomRef): Promise<void>;
  hide(viewer: TViewer, input: TRoomRef): Promise<void>;
  mute(viewer: TViewer, input: TMuteRoomInput): Promise<TChatRoom>;
  /**
   * Message changes after `afterChangeSeq` (with their stream id), then live ones and
   * signals. Refused (NOT_FOUND, in place of "started") unless I am a member: the
   * feed's first step checks, so nothing streams to a stranger.
   */
  streamRoom(
    viewer: TViewer,
    input: { roomId: number; afterChangeSeq: number | null },
    signal: AbortSignal,
  ): LiveFeed<{ id?: number; event: TRoomEvent }>;
  streamInbox(viewer: TViewer, signal: AbortSignal): LiveFeed<TInboxEvent>;
}

export interface MentoringService {
  mySettings(viewer: TViewer): Promise<TMentorSettings | null>;
  updateSettings(viewer: TViewer, input: TMentorSettingsInput): Promise<TMentorSettings>;
  list(input: TMentorListInput, viewer: TViewer | null): Promise<TMentorPage>;
  byId(input: TMentorRef, viewer: TViewer | null): Promise<TMentorDetail>;
  topics(): Promise<{ tag: string; count: number }[]>;
  freeSlots(input: TFreeSlotsInput, viewer: TViewer | null): Promise<TFreeSlots>;
  sendRequest(viewer: TViewer, input: TSendRequestInput): Promise<TMentorRequest>;
  requests(viewer: TViewer, input: TRequestListInput): Promise<TMentorRequest[]>;
  requestById(viewer: TViewer, input: TRequestRef): Promise<TMentorRequest>;
  withdrawRequest(viewer: TViewer, input: TRequestRef): Promise<TMentorRequest>;
  acceptRequest(viewer: TViewer, input: TAnswerRequestInput): Promise<TMeeting>;
  proposeTime(viewer: TViewer, input: TAnswerRequestInput): Promise<TMentorRequest>;
  confirmTime(viewer: TViewer, input: TRequestRef): Promise<TMeeting>;
  declineRequest(viewer: TViewer, input: TDeclineRequestInput): Promise<TMentorRequest>;
  meetings(viewer: TViewer, input: TMeetingListInput): Promise<TMeeting[]>;
  meetingById(viewer: TViewer, input: TMeetingRef): Promise<TMeeting>;
  proposeReschedule(viewer: TViewer, input: TRescheduleInput): Promise<TMeeting>;
  answerReschedule(viewer: TViewer, input: TAnswerRescheduleInput): Promise<TMeeting>;
  cancelMeeting(viewer: TViewer, input: TCancelMeetingInput): Promise<TMeeting>;
  setPlace(viewer: TViewer, input: TSetPlaceInput): Promise<TMeeting>;
  rateMeeting(viewer: TViewer, input: TRateMeetingInput): Promise<TMeeting>;
  meetingCalendar(viewer: TViewer, input: TMeetingRef): Promise<TMeetingCalendar>;
  overview(viewer: TViewer): Promise<TMentoringOverview>;
}

export interface ModerationService {
  /** The viewer's role now (read per call: a change applies at once). */
  roleOf(viewer: TViewer): Promise<TRole>;
  standing(viewer: TViewer): Promise<{ role: TRole; trust: TTrust }>;
  report(viewer: TViewer, input: TReportInput): Promise<TMyReport>;
  myReports(viewer: TViewer, input: TMyReportsInput): Promise<TMyReportsPage>;
  myDecision(viewer: TViewer, input: TDecisionRef): Promise<TMyDecision>;
  appeal(viewer: TViewer, input: TAppealInput): Promise<TMyDecision>;
  queue(viewer: TViewer, input: TQueueInput): Promise<TQueuePage>;
  caseById(viewer: TViewer, input: TCaseRef): Promise<TCaseDetail>;
  claim(viewer: TViewer, input: TCaseRef): Promise<TCaseDetail>;
  release(viewer: TViewer, input: TCaseRef): Promise<TCaseDetail>;
  decide(viewer: TViewer, input: TDecideInput): Promise<TCaseDetail>;
  decideAppeal(viewer: TViewer, input: TDecideAppealInput): Promise<TCaseDetail>;
  streamQueue(viewer: TViewer, signal: AbortSignal): LiveFeed<TQueueSignal>;
}

export interface AdminService {
  staff(viewer: TViewer): Promise<TStaffMember[]>;
  setRole(viewer: TViewer, input: TSetRoleInput): Promise<TStaffMember>;
  audit(viewer: TViewer, input: TAuditInput): Promise<TAuditPage>;
  wordRules(viewer: TViewer): Promise<TWordRule[]>;
  addWordRule(viewer: TViewer, input: TAddWordRuleInput): Promise<TWordRule>;
  removeWordRule(viewer: TViewer, input: TWordRuleRef): Promise<void>;
  dashboard(viewer: TViewer, input: TDashboardInput): Promise<TDashboard>;
}

export interface PresenceService {
  of(viewer: TViewer, userIds: string[]): Promise<TPresence[]>;
  watch(viewer: TViewer, userIds: string[], signal: AbortSignal): LiveFeed<TPresence>;
}

/** The browsers that receive Web Push for me. */
export interface PushService {
  config(): TPushConfig;
  /** Adds (or moves to me) this browser; VALIDATION when its push service is not an allowed host. */
  subscribe(viewer: TViewer, input: TPushSubscribeInput, device: TDevice): Promise<TPushDevice>;
  devices(viewer: TViewer, currentEndpoint?: string): Promise<TPushDevice[]>;
  /** Stops push to one of my devices; NOT_FOUND for anyone else's. */
  remove(viewer: TViewer, id: number): Promise<void>;
}

export interface Services {
  auth: AuthService;
  posts: PostService;
  social: SocialService;
  comments: CommentService;
  notifications: NotificationService;
  search: SearchService;
  studies: StudyService;
  system: SystemService;
  users: UserService;
  chat: ChatService;
  presence: PresenceService;
  mentoring: MentoringService;
  moderation: ModerationService;
  admin: AdminService;
  push: PushService;
}
