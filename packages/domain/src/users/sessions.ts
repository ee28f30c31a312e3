/**
 * Sessions on the server. The session cookie (a JWT) names its `Session` row; every request checks the row is live:
 * not revoked (logout) and within its absolute lifetime, however often the cookie was renewed. Re-authentication for
 * signing is recorded on the row, so it belongs to the session that did it and to no other session of the user.
 */
import type { Db } from "@innspill/db";

/** However active, a session ends this long after its login. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/** A new session for a user who has just logged in; re-authenticated at `reauthenticatedAt` when given. */
export async function startSession(
  db: Db,
  userId: string,
  now: Date = new Date(),
  reauthenticatedAt: Date | null = null,
): Promise<string> {
  const session = await db.session.create({
    data: {
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      reauthenticatedAt,
    },
    select: { id: true },
  });
  // The user's ended sessions are of no further use; login attempts are kept for a day (throttle.ts looks back 15 min).
  await db.session.deleteMany({
    where: { userId, OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: now } }] },
  });
  if (Math.random() < 0.02)
    await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return session.id;
}

/** Logout: the session ends on the server, so a copy of its cookie is refused from now on. */
export async function endSession(db: Db, sessionId: string, now: Date = new Date()) {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** When the session last re-authenticated, if it is live. */
export async function sessionReauthenticatedAt(
  db: Pick<Db, "session">,
  sessionId: string | undefined,
  now: Date = new Date(),
): Promise<Date | null> {
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { reauthenticatedAt: true, revokedAt: true, expiresAt: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  return session.reauthenticatedAt;
}
