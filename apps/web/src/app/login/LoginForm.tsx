"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { login, type LoginState } from "../actions";
import { Alert, Field, buttonClass, inputClass } from "@/components/ui";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<LoginState, FormData>(login, { error: null, email: "" });
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{t(state.error)}</Alert> : null}
      {!state.error && initialError === "NotRegistered" ? <Alert>{t("notRegistered")}</Alert> : null}
      {!state.error && initialError === "Deactivated" ? <Alert>{t("deactivated")}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="email" label={t("email")}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username webauthn"
          required
          defaultValue={state.email}
          className={inputClass}
        />
      </Field>
      <Field id="password" label={t("password")}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} w-full`}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
