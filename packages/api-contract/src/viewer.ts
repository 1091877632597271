// Who calls, and from where: the types every service method takes, browser-safe.

export interface TViewer {
  userId: string;
  sessionId: string;
  /**
   * When this session was opened, in milliseconds since the epoch: deleting an
   * OAuth-only account needs a recent sign-in. A number, not a Date: a websocket
   * holds its viewer for as long as it is open, and a Date is ≈ 100 bytes.
   */
  signedInAtMs: number;
}

export interface TDevice {
  userAgent: string;
  ip: string;
  /** The `orgo_signup` cookie: binds a pending sign-up to the browser that started it. */
  signUpToken?: string | null;
  /** The `orgo_device` cookie: this browser signed in to an account before. */
  deviceToken?: string | null;
}
