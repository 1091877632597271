/**
 * Every message the server may show a person, in English. Services and schemas use
 * these constants, and the web client keeps a Korean line for each key (the type
 * checker holds it to that), so server errors appear in the reader's language.
 */
export const serverMessages = {
  invalidEmail: "Enter a valid e-mail address",
  passwordTooShort: "At least 8 characters",
  passwordTooLong: "At most 256 characters",
  passwordRequired: "Enter your password",
  currentPasswordRequired: "Enter your current password",
  nameRequired: "Enter a name",
  nameTooLong: "At most 50 characters",
  bioTooLong: "At most 300 characters",
  handleFormat: "3–30 characters: a-z, 0-9 and _",
  handleTaken: "This handle is taken",
  takenMeanwhile: "This handle or e-mail was taken meanwhile",
  codeFormat: "The code has 6 digits",
  codeExpired: "This code has expired. Ask for a new one.",
  wrongCode: "Wrong code",
  tooManyCodes: "Too many wrong codes. Ask for a new one.",
  codeJustSent: "A code was sent a moment ago",
  wrongCredentials: "Wrong e-mail or password",
  tooManyAttempts: "Too many attempts. Try again later.",
  currentPasswordWrong: "The current password is wrong",
  passwordWrong: "The password is wrong",
  resetLinkInvalid: "This link is invalid, expired or already used. Ask for a new one.",
  freshSignInRequired: "Sign in again, then delete the account within 10 minutes.",
  confirmationMismatch: "Type your handle to confirm",
  noSuchSession: "No such session",
  noSuchUser: "No such user",
  signInFirst: "Sign in first",
  useHttp: "Use HTTP for this call",
  titleRequired: "Title is required",
  bodyRequired: "Write something",
  imageTooLarge: "The image is larger than 5 MB",
  imageUnsupported: "Use a JPEG, PNG, WebP, GIF or AVIF image",
  imageTooManyPixels: "The image has too many pixels",
  imageUnreadable: "This image cannot be read",
  tooManyImages: "Up to 10 different images per post",
  imageNotYours: "One of the images is not yours, or is used elsewhere",
  noSuchPost: "This post does not exist or was deleted",
  notYourPost: "Only the author can change this post",
  noSuchComment: "This comment does not exist or was deleted",
  notYourComment: "Only the author can change this comment",
  replyToReply: "Replies go under a comment of the same post",
  commentRequired: "Write a comment",
  commentTooLong: "At most 10 000 characters",
  cannotFollowSelf: "You cannot follow yourself",
  cannotBlockSelf: "You cannot block yourself",
  blocked: "You cannot do this: one of you blocked the other",
  noSuchNotification: "No such notification",
  invalidDate: "Use a date like 2026-03-01",
  tooManyTags: "Up to 10 tags",
  capacityRange: "Between 2 and 100 people, you included",
  invalidTimeZone: "Unknown time zone",
  endBeforeStart: "The end cannot be before the start",
  deadlineAfterEnd: "The deadline cannot be after the end",
  locationRequired: "Say where an offline study meets",
  capacityBelowMembers: "The study already has more members than that",
  noSuchStudy: "This study does not exist or was deleted",
  notYourStudy: "Only the leader can do this",
  notRecruiting: "This study is not recruiting",
  studyFull: "The study is full: join the waitlist",
  alreadyInStudy: "You are already in this study",
  leaderCannotLeave: "The leader cannot leave: hand the study over or delete it",
  notInStudy: "You are not in this study",
  noSuchRequest: "No such request",
  lastSignInMethod: "Set a password first: this is your only way to sign in",
  invalidText: "This text contains characters that cannot be stored",
  inputTooDeep: "This request is nested too deeply",
  invalidCursor: "Invalid cursor",
  tooManyCalls: "Too many calls at once. Slow down and try again.",
  tooManySubscriptions: "Too many live subscriptions on this connection",
} as const;

export type ServerMessageKey = keyof typeof serverMessages;

const byText = new Map<string, ServerMessageKey>(
  Object.entries(serverMessages).map(([key, text]) => [text, key as ServerMessageKey]),
);

/** The key of a server message, to translate it; undefined for anything else. */
export function serverMessageKey(text: string): ServerMessageKey | undefined {
  return byText.get(text);
}
