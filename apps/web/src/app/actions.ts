"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { AuthError, CredentialsSignin } from "next-auth";
import {
  beginPasskeyLogin,
  OIDC_PROVIDER,
  PASSKEY_PROVIDER,
  REAUTH_COOKIE,
  signIn,
  signOut,
} from "@innspill/auth";
import { LOCALE_COOKIE } from "@/i18n/request";

export async function setLocale(formData: FormData) {
  const locale = formData.get("locale") === "en" ? "en" : "nb";
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  revalidatePath("/", "layout");
}

export type LoginState = { error: "invalid" | "throttled" | null; email: string };

export type PasskeyLoginError = "passkeyFailed" | "passkeyUnknown" | "passkeyExpired" | "throttled";

function safeCallback(value: FormDataEntryValue | null): string {
  const s = typeof value === "string" ? value : "";
  // Only paths on this site, never another origin.
  return s.startsWith("/") && !s.startsWith("//") ? s : "/";
}

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeCallback(formData.get("callbackUrl")),
    });
    return { error: null, email };
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      return { error: err.code === "throttled" ? "throttled" : "invalid", email };
    }
    if (err instanceof AuthError) return { error: "invalid", email };
    throw err; // the redirect after a successful login
  }
}

/** «Logg inn med passnøkkel», step 1: the options with a challenge the server keeps. */
export async function passkeyLoginOptions() {
  return beginPasskeyLogin(await headers());
}

/** Step 2: the browser's assertion; a session on success (a redirect), else why not. */
export async function loginWithPasskey(
  response: string,
  callbackUrl: string,
): Promise<{ error: PasskeyLoginError }> {
  try {
    await signIn(PASSKEY_PROVIDER, {
      response: String(response).slice(0, 100_000),
      redirectTo: safeCallback(callbackUrl),
    });
    return { error: "passkeyFailed" };
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      const code = err.code;
      return {
        error:
          code === "throttled" || code === "passkeyUnknown" || code === "passkeyExpired"
            ? code
            : "passkeyFailed",
      };
    }
    if (err instanceof AuthError) return { error: "passkeyFailed" };
    throw err; // the redirect after a successful login
  }
}

export async function loginWithOidc(formData: FormData) {
  await signIn(OIDC_PROVIDER, { redirectTo: safeCallback(formData.get("callbackUrl")) });
}

/**
 * Re-authentication for signing, for a user who logs in through the identity provider: a fresh login there
 * (`prompt=login`, `max_age=0`), whatever session the provider has; its `auth_time` is checked on the way back.
 */
export async function reauthenticateWithOidc(formData: FormData) {
  // Marks the round trip as a re-authentication: only such a login counts for signing (packages/auth).
  (await cookies()).set(REAUTH_COOKIE, "1", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 600 });
  await signIn(
    OIDC_PROVIDER,
    { redirectTo: safeCallback(formData.get("callbackUrl")) },
    { prompt: "login", max_age: "0" },
  );
}

export async function logout() {
  await signOut({ redirectTo: "/login" });
}

/** After the user changed their password every session has ended; the login page says so. */
export async function endSessionAfterPasswordChange() {
  await signOut({ redirectTo: "/login?passord=byttet" });
}
