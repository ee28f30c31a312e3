/**
 * Login throttling, for the login form and for re-authentication before signing. Failures are counted per account
 * from one client address, and per address over all accounts; past a threshold the next try must wait, and each
 * further failure doubles the wait (30 s, 1 min, 2 min … at most 15 min). There is no lockout: a wait ends by itself,
 * and failures from one address never stop the account's owner logging in from another, so nobody can lock a leader
 * out on deadline day.
 */
import type { Db } from "@innspill/db";
import { AppError } from "../errors";

export const LOGIN_THROTTLE = {
  /** Failures for one account from one address before the waits start. */
  perAccountAndAddress: 5,
  /** Failures from one address, over all accounts, before the waits start. */
  perAddress: 20,
  windowMinutes: 15,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
} as const;

/** How long to wait after the last of `failures` failures, when `threshold` are allowed freely. */
export function throttleDelaySeconds(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(
    LOGIN_THROTTLE.maxDelaySeconds,
    LOGIN_THROTTLE.baseDelaySeconds * 2 ** (failures - threshold),
  );
}

/**
 * Refuses (TOO_MANY_REQUESTS, with `retryAfterSeconds` in details and at the password field) while this account from
 * this address, or this address, must wait. A success for the account from the address starts its count again.
 */
export async function checkLoginThrottle(db: Db, email: string, ip: string | null, now: Date) {
  const windowStart = new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, ip, success: true, createdAt: { gte: windowStart, lte: now } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = { gt: lastSuccess?.createdAt ?? windowStart, lte: now };
  const failuresOf = async (where: { email?: string; ip: string | null }) => {
    const filter = { ...where, success: false, createdAt: since };
    const [count, last] = await Promise.all([
      db.loginAttempt.count({ where: filter }),
      db.loginAttempt.findFirst({
        where: filter,
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      }),
    ]);
    return { count, last: last?.createdAt ?? null };
  };
  const waits: number[] = [];
  const pair = await failuresOf({ email, ip });
  const pairDelay = throttleDelaySeconds(pair.count, LOGIN_THROTTLE.perAccountAndAddress);
  if (pairDelay && pair.last) waits.push(pair.last.getTime() + pairDelay * 1000);
  if (ip) {
    const address = await failuresOf({ ip });
    const addressDelay = throttleDelaySeconds(address.count, LOGIN_THROTTLE.perAddress);
    if (addressDelay && address.last) waits.push(address.last.getTime() + addressDelay * 1000);
  }
  const until = Math.max(0, ...waits);
  if (until > now.getTime()) {
    const retryAfterSeconds = Math.ceil((until - now.getTime()) / 1000);
    throw new AppError("TOO_MANY_REQUESTS", "tooManyAttempts", {
      fieldErrors: { password: ["tooManyAttempts"] },
      details: { retryAfterSeconds },
    });
  }
}

export async function recordLoginAttempt(
  db: Db,
  attempt: { email: string; ip: string | null; success: boolean; now: Date },
) {
  await db.loginAttempt.create({
    data: { email: attempt.email, ip: attempt.ip, success: attempt.success, createdAt: attempt.now },
  });
}
