import { pageTitle } from "@/lib/metadata";
import { NextIntlClientProvider } from "next-intl";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { oidcName } from "@innspill/auth";
import { currentActor } from "@/server/session";
import { LoginForm } from "./LoginForm";
import { PasskeyLogin } from "./PasskeyLogin";
import { loginWithOidc } from "../actions";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { secondaryButtonClass } from "@/components/ui";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("login.title");

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; passord?: string }>;
}) {
  const { callbackUrl, error, passord } = await searchParams;
  // An active user is sent on; a deactivated one with an old session cookie stays here.
  if (await currentActor()) redirect("/");
  const t = await getTranslations();
  let path = "/";
  try {
    path = callbackUrl ? new URL(callbackUrl, "http://x").pathname : "/";
  } catch {
    path = "/";
  }
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-blue-800">{t("app.name")}</p>
        <h1 className="mb-1 text-2xl font-semibold">{t("login.title")}</h1>
        <p className="mb-6 text-sm text-slate-600">{t("app.tagline")}</p>
        {passord === "byttet" ? (
          <p
            className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
            role="status"
          >
            {t("login.passwordChanged")}
          </p>
        ) : null}
        <NextIntlClientProvider>
          <PasskeyLogin callbackUrl={path} />
          <LoginForm callbackUrl={path} initialError={error} />
        </NextIntlClientProvider>
        {oidcName ? (
          <form action={loginWithOidc} className="mt-4">
            <input type="hidden" name="callbackUrl" value={path} />
            <p className="mb-2 text-center text-xs text-slate-500">{t("login.or")}</p>
            <button type="submit" className={`${secondaryButtonClass} w-full`} data-testid="login-sso">
              {t("login.oidc", { name: oidcName })}
            </button>
          </form>
        ) : null}
        <div className="mt-6 flex justify-end">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
