import { decode } from "next-auth/jwt";

/** next-auth's session cookie, on HTTPS and on plain HTTP; a token is encrypted for its own cookie name. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionClaims {
  userId: string;
  /** The user's session version when they logged in (see getActiveActor); -1 for a session from before versions. */
  sessionVersion: number;
  /** The server's `Session` row (`sid`); null for a token from before server sessions, which has ended. */
  sessionId: string | null;
}

interface CookieJar {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
}

/**
 * A request's cookies read from its Cookie header, for code that runs outside Next.js's request scope (the tRPC
 * handler the production server calls directly). The first of two cookies of one name wins, as in browsers' order.
 */
export function cookiesOf(headers: Headers): CookieJar {
  const all: { name: string; value: string }[] = [];
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? "" : part.slice(0, eq).trim();
    if (!name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length > 1) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent
    }
    all.push({ name, value });
  }
  return { get: (name) => all.find((c) => c.name === name), getAll: () => all };
}

/** The cookie's value, whole or from next-auth's chunks (`name.0`, `name.1`, … when a token is over 4 KB). */
function cookieValue(jar: CookieJar, name: string): string | null {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

/** Tokens already decrypted, by token: a browser sends the same one with every request until a page renews it. */
const decoded = new Map<string, SessionClaims & { exp: number }>();
const DECODED_MAX = 10_000;

/**
 * The session in a request's cookies, decrypted with next-auth's own `decode` (which checks its expiry), or null.
 *
 * This is what `auth()` reads, without the rest of next-auth's session endpoint: `auth()` also re-encrypts the token
 * for a fresh cookie, which a server component or an API call cannot set and which was half of every API call's
 * time. Sessions are renewed by page loads (proxy.ts), as before. A decrypted token is remembered until it expires;
 * whether its user is still active, and their session version, is checked in the database on every request.
 */
export async function readSessionToken(jar: CookieJar, secret: string): Promise<SessionClaims | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(jar, name);
    if (!token) continue;
    const known = decoded.get(token);
    if (known && known.exp * 1000 > Date.now())
      return { userId: known.userId, sessionVersion: known.sessionVersion, sessionId: known.sessionId };
    const payload = await decode({ token, secret, salt: name }).catch(() => null);
    if (!payload?.sub || typeof payload.exp !== "number") continue;
    const claims = {
      userId: payload.sub,
      sessionVersion: typeof payload.sv === "number" ? payload.sv : -1,
      sessionId: typeof payload.sid === "string" ? payload.sid : null,
    };
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, { ...claims, exp: payload.exp });
    return claims;
  }
  return null;
}
