/**
 * Login throttling, for the login form, for re-authentication before signing and for a password change. An attempt
 * counts in buckets: the user it was tried against (never the e-mail: another organisation's user with the same
 * address is a bucket of its own), the client's address when a trusted proxy names it, and, for a signed-in user,
 * the session's own bucket. Past a bucket's threshold the next try must wait, and each further failure doubles the
 * wait (30 s, 1 min, 2 min … at most 15 min); a success for the user starts the user's count again.
 *
 * A slot is taken before the password hash is computed, in a transaction that holds an advisory lock per bucket, and
 * counts as a failure until it is settled: 40 parallel guesses against a threshold of 5 check 5 passwords.
 *
 * Re-authentication and a password change count only the session's own failures, so a stranger failing logins for a
 * leader's e-mail never stops her signing. Where no trusted address is known (TRUSTED_PROXY_HOPS=0), failed logins
 * over all users are capped per process instead (`LoginRateCap`): a client spraying many e-mails gets few checks.
 */
import type { Db } from "@innspill/db";
import { AppError } from "../common/errors";

export const LOGIN_THROTTLE = {
  /** Failed logins tried against one user, from anywhere, before the waits start. */
  perUser: 5,
  /** Failed logins from one (trusted) address, over all users, before the waits start. */
  perAddress: 20,
  /** Failed re-authentications and password changes in one session before the waits start. */
  perSession: 5,
  windowMinutes: 15,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  /** Without a trusted address: failed logins one process checks at once, then this many a minute. */
  processBurst: 30,
  processPerMinute: 30,
} as const;

/** How long to wait after the last of `failures` failures, when `threshold` are allowed freely. */
function throttleDelaySeconds(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(
    LOGIN_THROTTLE.maxDelaySeconds,
    LOGIN_THROTTLE.baseDelaySeconds * 2 ** (failures - threshold),
  );
}

export interface ThrottleBucket {
  key: string;
  threshold: number;
  /** A success in the bucket starts its count again (a user's, a session's); an address's does not. */
  resetOnSuccess: boolean;
}

export const userBucket = (userId: string): ThrottleBucket => ({
  key: `user:${userId}`,
  threshold: LOGIN_THROTTLE.perUser,
  resetOnSuccess: true,
});
/**
 * A browser where the user has logged in before (a signed device cookie, checked by the caller): its attempts for
 * that user count here instead of in the user's bucket, so a stranger filling the user's bucket does not stop her
 * logging in from her own browser. A stolen cookie gets the same five tries as anyone.
 */
export const deviceBucket = (deviceId: string, userId: string): ThrottleBucket => ({
  key: `device:${deviceId}:${userId}`,
  threshold: LOGIN_THROTTLE.perUser,
  resetOnSuccess: true,
});
/** For an address no user has: the same work and the same answers as for a known one. */
export const unknownEmailBucket = (email: string): ThrottleBucket => ({
  key: `email:${email}`,
  threshold: LOGIN_THROTTLE.perUser,
  resetOnSuccess: true,
});
export const addressBucket = (ip: string): ThrottleBucket => ({
  key: `ip:${ip}`,
  threshold: LOGIN_THROTTLE.perAddress,
  resetOnSuccess: false,
});
/** A signed-in user's own bucket: their session's, or (an actor without one, the command line) their own. */
export const sessionBucket = (actor: { id: string; sessionId?: string }): ThrottleBucket => ({
  key: actor.sessionId ? `session:${actor.sessionId}` : `reauth:${actor.id}`,
  threshold: LOGIN_THROTTLE.perSession,
  resetOnSuccess: true,
});

/** Slots taken, one per bucket, to settle once the password has been checked. */
export type AttemptSlots = Map<string, bigint>;

function tooMany(retryAfterSeconds: number, field: string): AppError {
  return new AppError("TOO_MANY_REQUESTS", "tooManyAttempts", {
    fieldErrors: { [field]: ["tooManyAttempts"] },
    details: { retryAfterSeconds },
  });
}

/**
 * Takes a slot in every bucket, or refuses (TOO_MANY_REQUESTS, with `retryAfterSeconds` in details and at `field`)
 * while any of them must wait. The buckets are locked in a fixed order for the transaction, so concurrent attempts
 * count each other's open slots.
 */
export async function takeAttemptSlots(
  db: Db,
  buckets: ThrottleBucket[],
  now: Date,
  field = "password",
): Promise<AttemptSlots> {
  const windowStart = new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
  const sorted = [...new Map(buckets.map((b) => [b.key, b])).values()].sort((a, b) =>
    a.key < b.key ? -1 : 1,
  );
  return db.$transaction(async (tx) => {
    for (const b of sorted) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${b.key}, 7))`;
    // No upper bound on the time: an attempt that started a moment later may have taken its slot first.
    let until = 0;
    for (const b of sorted) {
      const [row] = await tx.$queryRaw<{ failures: number; last: Date | null }[]>`
        WITH since AS (
          SELECT GREATEST(${windowStart}::timestamp, COALESCE(
            CASE WHEN ${b.resetOnSuccess} THEN (SELECT max("createdAt") FROM "LoginAttempt"
              WHERE bucket = ${b.key} AND success AND "createdAt" > ${windowStart}::timestamp
                AND "createdAt" <= ${now}::timestamp) END,
            ${windowStart}::timestamp)) AS t)
        SELECT count(*)::int AS failures, max("createdAt") AS last FROM "LoginAttempt", since
         WHERE bucket = ${b.key} AND success IS NOT TRUE AND "createdAt" > since.t`;
      const delay = throttleDelaySeconds(row?.failures ?? 0, b.threshold);
      if (delay && row?.last) until = Math.max(until, row.last.getTime() + delay * 1000);
    }
    if (until > now.getTime()) throw tooMany(Math.ceil((until - now.getTime()) / 1000), field);
    const slots: AttemptSlots = new Map();
    for (const b of sorted) {
      const { id } = await tx.loginAttempt.create({
        data: { bucket: b.key, success: null, createdAt: now },
        select: { id: true },
      });
      slots.set(b.key, id);
    }
    return slots;
  });
}

/**
 * Records how the attempt went in each bucket: `true`/`false`, or `null` for a bucket whose password was not tried
 * (its slot is given back).
 */
export async function settleAttemptSlots(
  db: Db,
  slots: AttemptSlots,
  outcome: (key: string) => boolean | null,
) {
  const byOutcome = { true: [] as bigint[], false: [] as bigint[], null: [] as bigint[] };
  for (const [key, id] of slots) byOutcome[String(outcome(key)) as "true" | "false" | "null"].push(id);
  await Promise.all([
    byOutcome.true.length &&
      db.loginAttempt.updateMany({ where: { id: { in: byOutcome.true } }, data: { success: true } }),
    byOutcome.false.length &&
      db.loginAttempt.updateMany({ where: { id: { in: byOutcome.false } }, data: { success: false } }),
    byOutcome.null.length && db.loginAttempt.deleteMany({ where: { id: { in: byOutcome.null } } }),
  ]);
}

/**
 * A cap on the failed logins one process checks when the client's address is unknown: a token bucket that holds
 * `burst` and refills `perMinute`. Each login takes a token before its hash is computed; a success gives it back, so
 * a crowd of people logging in at nine is not slowed, and a client guessing across many e-mails is.
 */
export class LoginRateCap {
  private tokens: number;
  private at: number;
  constructor(
    private readonly burst: number = LOGIN_THROTTLE.processBurst,
    private readonly perMinute: number = LOGIN_THROTTLE.processPerMinute,
  ) {
    this.tokens = burst;
    this.at = Date.now();
  }
  private refill() {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 60_000) * this.perMinute);
    this.at = now;
  }
  /** Takes a token, or refuses with the seconds until one is there. */
  take(field = "password") {
    this.refill();
    if (this.tokens < 1)
      throw tooMany(Math.max(1, Math.ceil(((1 - this.tokens) / this.perMinute) * 60)), field);
    this.tokens -= 1;
  }
  giveBack() {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }
}

/** The process's cap, for logins without a trusted address. */
export const processLoginCap = new LoginRateCap();
