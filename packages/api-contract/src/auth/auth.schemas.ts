import { z } from "zod";
import { ZHandle, ZPublicUser } from "../users/user.schemas.js";

/** The signed-in user's own view: the only user shape that may carry an e-mail. */
export const ZMe = ZPublicUser.extend({
  email: z.string().nullable(),
  bio: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

export const PASSWORD_MIN = 8;
export const ZEmail = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid e-mail address"));
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(256, "At most 256 characters");
export const ZDisplayName = z.string().trim().min(1, "Enter a name").max(50);

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
    .regex(/^\d{6}$/, "The code has 6 digits"),
});
export type TSignUpVerifyInput = z.infer<typeof ZSignUpVerifyInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password").max(256),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** What a service returns when it opened a session; the router turns it into a cookie. */
export interface TStartedSession {
  token: string;
  expiresAt: Date;
  me: TMe;
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

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(256),
  newPassword: ZPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
