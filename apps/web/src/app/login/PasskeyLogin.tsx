"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { loginWithPasskey, passkeyLoginOptions, type PasskeyLoginError } from "../actions";
import { Alert, buttonClass } from "@/components/ui";

type Problem = PasskeyLoginError | "passkeyCancelled" | "passkeyUnsupported";

/**
 * «Logg inn med passnøkkel»: one tap, then the device's fingerprint, face or PIN. The options come from the server
 * (a challenge it keeps, single use); the assertion goes back through next-auth's passkey provider, which starts
 * the session and redirects to where the user was going.
 */
export function PasskeyLogin({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function login() {
    setProblem(null);
    if (!browserSupportsWebAuthn()) return setProblem("passkeyUnsupported");
    setPending(true);
    try {
      let optionsJSON;
      try {
        optionsJSON = await passkeyLoginOptions();
      } catch {
        setProblem("passkeyFailed");
        return;
      }
      let response;
      try {
        response = await startAuthentication({ optionsJSON });
      } catch {
        setProblem("passkeyCancelled");
        return;
      }
      const result = await loginWithPasskey(JSON.stringify(response), callbackUrl);
      // On success the action redirects; an answer is a refusal.
      setProblem(result.error);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mb-6">
      <div aria-live="polite">{problem ? <Alert>{t(problem)}</Alert> : null}</div>
      <button
        type="button"
        className={`${buttonClass} w-full`}
        disabled={pending}
        onClick={() => void login()}
        data-testid="login-passkey"
      >
        {pending ? t("passkeyWorking") : t("passkey")}
      </button>
      <p className="mt-4 text-center text-xs text-slate-500">{t("or")}</p>
    </div>
  );
}
