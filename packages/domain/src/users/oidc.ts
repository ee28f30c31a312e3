import type { Db } from "@innspill/db";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { REAUTH_WINDOW_MS } from "../submissions/signing";
import { startSession } from "./sessions";
import { sessionUser } from "./session-user";

/** What the identity provider's ID token says about the person (after the library has verified it). */
export interface OidcClaims {
  issuer: string;
  /** The provider's stable identifier of the person (`sub`; in Entra ID pairwise per application). */
  subject: string;
  email?: string | null;
  /** True only when the provider says it has verified the address; a first link needs it. */
  emailVerified?: boolean | null;
  /** When the person last logged in at the provider, in seconds since 1970 (`auth_time`). */
  authTime?: number | null;
  /** The signing page asked for this login (a fresh one, `prompt=login`): it may count as re-authentication. */
  reauth?: boolean;
}

/**
 * A login through single sign-on. A person is known by the provider's issuer and subject, never by the e-mail claim
 * alone: the e-mail only links a subject the first time, when the provider says it has verified it
 * (`email_verified: true`), to the one active user with that address, in an organisation that uses this provider
 * (`organisations`, by slug), who has no identity from the provider yet. After that a different subject with the same
 * address is refused. A login the signing page asked for, which the provider says happened within the last five
 * minutes (auth_time), starts a session that has re-authenticated for signing; an ordinary login does not.
 */
export async function signInWithOidc(
  db: Db,
  claims: OidcClaims,
  now: Date = new Date(),
  /** The organisations (slugs) whose people log in with this provider: the only ones a first link considers. */
  organisations: readonly string[] = [],
) {
  const { issuer, subject } = claims;
  if (!issuer || !subject) throw new AppError("UNAUTHORIZED", "oidcNotRegistered");
  let user = await db.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: subject } },
  });
  if (!user) {
    const email = claims.email?.trim().toLowerCase();
    if (!email || claims.emailVerified !== true || !organisations.length)
      throw new AppError("UNAUTHORIZED", "oidcNotRegistered");
    const candidates = await db.user.findMany({
      where: { email, active: true, oidcSubject: null, organisation: { slug: { in: [...organisations] } } },
      take: 2,
    });
    if (candidates.length !== 1) throw new AppError("UNAUTHORIZED", "oidcNotRegistered");
    user = await db.user.update({
      where: { id: candidates[0]!.id },
      data: { oidcIssuer: issuer, oidcSubject: subject },
    });
    await recordAudit(db, {
      organisationId: user.organisationId,
      actorId: user.id,
      action: "user.oidcLinked",
      entity: "User",
      entityId: user.id,
      data: { issuer, subject },
    });
  }
  if (!user.active) throw new AppError("FORBIDDEN", "oidcDeactivated");
  const authAt = claims.authTime ? claims.authTime * 1000 : null;
  const fresh =
    !!claims.reauth &&
    authAt !== null &&
    now.getTime() - authAt <= REAUTH_WINDOW_MS &&
    authAt <= now.getTime() + 60_000;
  // Only a login the signing page asked for re-authenticates; any other is a new session, which has not.
  const sessionId = await startSession(db, user.id, now, fresh ? new Date(authAt!) : null);
  await recordAudit(db, {
    organisationId: user.organisationId,
    actorId: user.id,
    action: "user.loggedIn",
    entity: "User",
    entityId: user.id,
    data: { via: "oidc", reauthenticated: fresh },
  });
  return { ...sessionUser(user), sessionId };
}
