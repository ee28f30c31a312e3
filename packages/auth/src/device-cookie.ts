import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The browser a user has logged in from before: `<userId>.<deviceId>.<signature>`, signed with AUTH_SECRET. Her
 * logins from it are throttled in a bucket of its own (domain users/throttle.ts), so a stranger guessing her password
 * elsewhere does not lock her out of her own browser.
 */
export const DEVICE_COOKIE = "innspill-device";
export const DEVICE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function signature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`innspill-device:${payload}`).digest("base64url");
}

export function signDevice(secret: string, device: { id: string; userId: string }): string {
  const payload = `${device.userId}.${device.id}`;
  return `${payload}.${signature(secret, payload)}`;
}

/** The device the cookie names, if its signature is good; null otherwise. */
export function readDevice(secret: string, value: string | undefined): { id: string; userId: string } | null {
  const [userId, id, sig, ...rest] = (value ?? "").split(".");
  if (!userId || !id || !sig || rest.length || !UUID.test(userId) || !UUID.test(id)) return null;
  const expected = Buffer.from(signature(secret, `${userId}.${id}`));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { id, userId } : null;
}
