/**
 * A real OpenID Connect provider for the e2e tests: `oidc-provider` (a certified implementation) on localhost over
 * HTTP, with its development login form (any password) and one client, Innspill. Started by Playwright as a web
 * server beside the app (playwright.config.ts); the app is configured with it as its single sign-on.
 *
 * The people it knows, by the subject typed as the login: two with the addresses of demo users, one unknown to
 * Innspill, and one that claims Kaja's address with a subject of its own.
 */
import Provider from "oidc-provider";

export const OIDC_PORT = Number(process.argv[2] ?? 3109);
export const OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;
const APP = process.argv[3] ?? "http://localhost:3100";

const PEOPLE: Record<string, { email: string; name: string }> = {
  "kaja-entra-7f3a": { email: "kaja@nito.test", name: "Kaja Marienborg" },
  "martin-entra-91c2": { email: "martin@nito.test", name: "Martin Haugen" },
  "ukjent-entra-0001": { email: "ukjent@example.test", name: "Ukjent Person" },
  "falsk-kaja-entra-6666": { email: "kaja@nito.test", name: "Ikke Kaja" },
};

const provider = new Provider(OIDC_ISSUER, {
  clients: [
    {
      client_id: "innspill",
      client_secret: "innspill-e2e-hemmelighet",
      redirect_uris: [`${APP}/api/auth/callback/oidc`],
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
      // Every ID token says when the person logged in, so Innspill can tell a fresh login for signing.
      require_auth_time: true,
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // The scopes' claims in the ID token too, as Entra ID and most providers put them.
  conformIdTokenClaims: false,
  async findAccount(_ctx, id) {
    const person = PEOPLE[id];
    if (!person) return undefined;
    return {
      accountId: id,
      claims: async () => ({ sub: id, email: person.email, email_verified: true, name: person.name }),
    };
  },
  // A first-party application: the organisation's administrator has consented for everyone.
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client!.clientId,
      accountId: ctx.oidc.session!.accountId!,
    });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ["innspill-e2e-oidc-cookie-key"] },
});

provider.listen(OIDC_PORT, () => console.log(`OpenID provider on ${OIDC_ISSUER}`));
