import { GitHub } from "arctic";
import { z } from "zod";
import { OAuthExchangeError, type OAuthProfile, type OAuthProvider } from "./oauth-provider.js";

const ZGitHubUser = z.object({ id: z.number(), login: z.string(), name: z.string().nullable().optional() });
const ZGitHubEmails = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

async function getJson(url: string, accessToken: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: {
      Authorization: `Bearer ${accessToken}`,
      Accept: "application/vnd.github+json",
      "User-Agent": "OrGo",
      "X-GitHub-Api-Version": "2022-11-28",
    },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new OAuthExchangeError(`GitHub ${new URL(url).pathname} answered ${response.status}`);
  return response.json();
}

export function createGitHubProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): OAuthProvider {
  const client = new GitHub(options.clientId, options.clientSecret, options.redirectUri);
  return {
    name: "github",
    usesPkce: false,
    // user:email lets us read the address even when the profile keeps it private.
    authorizationUrl: (state) => client.createAuthorizationURL(state, ["read:user", "user:email"]),
    async fetchProfile(code): Promise<OAuthProfile> {
      const tokens = await client.validateAuthorizationCode(code);
      const accessToken = tokens.accessToken();
      const [user, emails] = await Promise.all([
        getJson("https://api.github.com/user", accessToken).then((j) => ZGitHubUser.parse(j)),
        getJson("https://api.github.com/user/emails", accessToken).then((j) => ZGitHubEmails.parse(j)),
      ]);
      // The primary address, and only if GitHub verified it.
      const primary = emails.find((e) => e.primary && e.verified);
      return {
        providerUserId: String(user.id),
        verifiedEmail: primary ? primary.email.toLowerCase() : null,
        displayName: user.name ?? null,
        suggestedHandle: user.login,
      };
    },
  };
}
