"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  WebAuthnAbortService,
} from "@simplewebauthn/browser";
import { loginWithPasskey, passkeyLoginOptions, type PasskeyLoginError } from "../actions";
import { Alert, buttonClass } from "@/components/ui";

type Problem = PasskeyLoginError | "passkeyCancelled" | "passkeyUnsupported";

/**
 * «Logg inn med passnøkkel»: one tap, then the device's fingerprint, face or PIN. The options come from the server
 * (a challenge it keeps, single use); the assertion goes back through next-auth's passkey provider, which starts
 * the session and redirects to where the user was going.
 *
 * Where the browser offers passkeys in the e-mail field's autofill (conditional mediation), the page asks for one
 * as it opens: choosing the passkey there logs in with no tap on the button. The challenge lasts two minutes, so the
 * quiet request is renewed before that; the button's request replaces it.
 */
const AUTOFILL_RENEW_MS = 100_000;
export function PasskeyLogin({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const autofill = useRef<"on" | "renewing" | "off">("off");
  // The autofill's quiet request while it waits, and whether the button's own request has taken over. Starting a
  // request ends the one before (WebAuthnAbortService): the quiet one must not start after the button's, and the
  // button's starts once the quiet one has ended.
  const quiet = useRef<Promise<unknown> | null>(null);
  const taken = useRef(false);
  // Shown on the button (`data-autofill`): whether the autofill's request is waiting for the user.
  const [listening, setListening] = useState(false);

  useEffect(() => {
    let renew: ReturnType<typeof setTimeout> | undefined;
    const stateNow = () => autofill.current;
    const offer = async () => {
      if (autofill.current === "off" && !(await browserSupportsWebAuthnAutofill().catch(() => false))) return;
      let optionsJSON;
      try {
        optionsJSON = await passkeyLoginOptions();
      } catch {
        return; // The button still works, and says what went wrong.
      }
      // The button was pressed while the options came: its request is the one.
      if (taken.current) return;
      autofill.current = "on";
      renew = setTimeout(() => {
        autofill.current = "renewing";
        WebAuthnAbortService.cancelCeremony();
      }, AUTOFILL_RENEW_MS);
      let response;
      try {
        const request = startAuthentication({ optionsJSON, useBrowserAutofill: true });
        quiet.current = request;
        setListening(true);
        response = await request;
      } catch {
        setListening(false);
        clearTimeout(renew);
        // Renewed with a fresh challenge; ended by the button's own request, or by leaving the page: done.
        // (read through a function: the timer and the button change it while this waits)
        if (stateNow() === "renewing") void offer();
        else autofill.current = "off";
        return;
      }
      setListening(false);
      clearTimeout(renew);
      autofill.current = "off";
      setPending(true);
      const result = await loginWithPasskey(JSON.stringify(response), callbackUrl);
      setProblem(result.error);
      setPending(false);
    };
    void offer();
    return () => {
      clearTimeout(renew);
      if (autofill.current !== "off") {
        autofill.current = "off";
        WebAuthnAbortService.cancelCeremony();
      }
    };
  }, [callbackUrl]);

  async function login() {
    setProblem(null);
    if (!browserSupportsWebAuthn()) return setProblem("passkeyUnsupported");
    taken.current = true;
    setPending(true);
    try {
      let optionsJSON;
      try {
        optionsJSON = await passkeyLoginOptions();
      } catch {
        setProblem("passkeyFailed");
        return;
      }
      // The quiet request ends before this one starts.
      if (autofill.current !== "off") {
        autofill.current = "off";
        WebAuthnAbortService.cancelCeremony();
      }
      await quiet.current?.catch(() => {});
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
      taken.current = false;
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
        data-autofill={listening ? "on" : "off"}
      >
        {pending ? t("passkeyWorking") : t("passkey")}
      </button>
      <p className="mt-4 text-center text-xs text-slate-500">{t("or")}</p>
    </div>
  );
}
