import type { TOAuthProvider } from "@orgo/api-contract";
import type { Config } from "../../platform/config/config.js";
import type { OAuthProvider } from "./oauth-provider.js";
import { createGitHubProvider } from "./github-provider.js";
import { createGoogleProvider } from "./google-provider.js";

/**
 * The providers whose credentials are set; the others have no button and no route.
 * The callback URL to register with each provider is <PUBLIC_ORIGIN>/auth/<name>/callback.
 */
export function configuredProviders(
  oauth: Config["oauth"],
  publicOrigin: () => string,
): Partial<Record<TOAuthProvider, OAuthProvider>> {
  const providers: Partial<Record<TOAuthProvider, OAuthProvider>> = {};
  // The redirect URI is fixed when the client is made; with PORT=0 the origin is
  // known only later, so the clients are made on first use.
  const lazy = (name: TOAuthProvider, make: (redirectUri: string) => OAuthProvider): OAuthProvider => {
    let made: OAuthProvider | undefined;
    const get = () => (made ??= make(`${publicOrigin()}/auth/${name}/callback`));
    return {
      name,
      usesPkce: name === "google",
      authorizationUrl: (state, verifier) => get().authorizationUrl(state, verifier),
      fetchProfile: (code, verifier) => get().fetchProfile(code, verifier),
    };
  };
  if (oauth.github)
    providers.github = lazy("github", (redirectUri) => createGitHubProvider({ ...oauth.github!, redirectUri }));
  if (oauth.google)
    providers.google = lazy("google", (redirectUri) => createGoogleProvider({ ...oauth.google!, redirectUri }));
  return providers;
}
