import { z } from "zod";
import { serverMessages as m } from "../messages.js";
import { ZDisplayName, ZHandle, ZPublicUser } from "../users/user.schemas.js";

export const oauthProviders = ["github", "google"] as const;
export const ZOAuthProvider = z.enum(oauthProviders);
export type TOAuthProvider = z.infer<typeof ZOAuthProvider>;

/** The signed-in user's own view: the only user shape that may carry an e-mail. */
export const ZMe = ZPublicUser.extend({
  email: z.string().nullable(),
  bio: z.string(),
  /** False for accounts made with GitHub/Google only: they confirm deletion by signing in again. */
  hasPassword: z.boolean(),
  linkedProviders: z.array(ZOAuthProvider),
});
export type TMe = z.infer<typeof ZMe>;

export const PASSWORD_MIN = 8;
export const ZEmail = z.string().trim().toLowerCase().max(254, m.invalidEmail).pipe(z.email(m.invalidEmail));
export const ZPassword = z.string().min(PASSWORD_MIN, m.passwordTooShort).max(256, m.passwordTooLong);

export const ZSignUpStartInput = z.object({
  email: ZEmail,
  password: ZPassword,
  handle: ZHandle,
  displayName: ZDisplayName,
});
export type TSignUpStartInput = z.infer<typeof ZSignUpStartInput>;

/** Deliberately the same whether or not the address already has an account. */
export const ZSignUpStarted = z.object({
  email: z.string(),
  codeExpiresAt: z.date(),
  resendAfterSeconds: z.number().int(),
});
export type TSignUpStarted = z.infer<typeof ZSignUpStarted>;

export const ZSignUpVerifyInput = z.object({
  email: ZEmail,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, m.codeFormat),
});
export type TSignUpVerifyInput = z.infer<typeof ZSignUpVerifyInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, m.passwordRequired).max(256, m.passwordTooLong),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** What a service returns when it opened a session; the router turns it into a cookie. */
export interface TStartedSession {
  token: string;
  expiresAt: Date;
  me: TMe;
  /** Marks this browser as one that signed in to the account (`orgo_device` cookie). */
  deviceToken?: string;
}

export const ZSessionSummary = z.object({
  id: z.string(),
  userAgent: z.string(),
  ip: z.string(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  current: z.boolean(),
});
export type TSessionSummary = z.infer<typeof ZSessionSummary>;

export const ZEndSessionInput = z.object({ sessionId: z.string().min(1).max(100) });
export type TEndSessionInput = z.infer<typeof ZEndSessionInput>;

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, m.currentPasswordRequired).max(256, m.passwordTooLong),
  newPassword: ZPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZRequestPasswordResetInput = z.object({ email: ZEmail });
export type TRequestPasswordResetInput = z.infer<typeof ZRequestPasswordResetInput>;

export const ZResetPasswordInput = z.object({
  /** `<id>.<secret>` from the mailed link. */
  token: z.string().min(1, m.resetLinkInvalid).max(200, m.resetLinkInvalid),
  newPassword: ZPassword,
});
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

export const ZDeleteAccountInput = z.object({
  /** Required when the account has a password; OAuth-only accounts need a fresh sign-in instead. */
  password: z.string().max(256, m.passwordTooLong).optional(),
  /** The user types their handle, so a stray click cannot delete an account. */
  confirmHandle: z.string().trim().toLowerCase().max(30),
});
export type TDeleteAccountInput = z.infer<typeof ZDeleteAccountInput>;

/** Which sign-in buttons to show: only providers with credentials configured. */
export const ZAuthOptions = z.object({ providers: z.array(ZOAuthProvider) });
export type TAuthOptions = z.infer<typeof ZAuthOptions>;

export const ZUnlinkProviderInput = z.object({ provider: ZOAuthProvider });
export type TUnlinkProviderInput = z.infer<typeof ZUnlinkProviderInput>;
