import type { TOAuthProvider } from "@orgo/api-contract";

/** What a provider tells us about the person, after the code exchange. */
export interface OAuthProfile {
  /** The provider's stable user id: the identity key, together with the provider name. */
  providerUserId: string;
  /** Only an address the provider says is verified; null otherwise. */
  verifiedEmail: string | null;
  displayName: string | null;
  /** A handle to start from (GitHub login, Google e-mail's local part). */
  suggestedHandle: string | null;
}

/**
 * Our small interface over arctic's clients: the routes and the linking rules know
 * nothing about GitHub or Google in particular.
 */
export interface OAuthProvider {
  readonly name: TOAuthProvider;
  /** PKCE: the verifier is kept in a cookie and sent with the code. */
  readonly usesPkce: boolean;
  authorizationUrl(state: string, codeVerifier: string): URL;
  /** Exchanges the code and reads the profile; throws when the provider refuses. */
  fetchProfile(code: string, codeVerifier: string): Promise<OAuthProfile>;
}

/** The provider answered something we cannot use (refused code, bad JSON…). */
export class OAuthExchangeError extends Error {
  override readonly name = "OAuthExchangeError";
}
