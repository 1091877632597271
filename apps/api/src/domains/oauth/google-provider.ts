import { Google, decodeIdToken } from "arctic";
import { z } from "zod";
import type { OAuthProfile, OAuthProvider } from "./oauth-provider.js";

const ZGoogleClaims = z.object({
  sub: z.string(),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
});

export function createGoogleProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): OAuthProvider {
  const client = new Google(options.clientId, options.clientSecret, options.redirectUri);
  return {
    name: "google",
    usesPkce: true,
    authorizationUrl: (state, codeVerifier) =>
      client.createAuthorizationURL(state, codeVerifier, ["openid", "profile", "email"]),
    async fetchProfile(code, codeVerifier): Promise<OAuthProfile> {
      const tokens = await client.validateAuthorizationCode(code, codeVerifier);
      // The ID token came to us straight from Google's token endpoint over TLS, so
      // (as OpenID Connect Core 3.1.3.7 allows) its claims are read without
      // checking the signature.
      const claims = ZGoogleClaims.parse(decodeIdToken(tokens.idToken()));
      const verified = claims.email && claims.email_verified === true ? claims.email.toLowerCase() : null;
      return {
        providerUserId: claims.sub,
        verifiedEmail: verified,
        displayName: claims.name ?? null,
        suggestedHandle: claims.email ? (claims.email.split("@")[0] ?? null) : null,
      };
    },
  };
}
