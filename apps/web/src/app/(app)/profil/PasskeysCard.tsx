"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { Alert, Card, Field, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { reauthenticateWithOidc } from "@/app/actions";
import { useTRPC } from "@/trpc/client";

/**
 * Passnøkler on Min profil: the user's passkeys (name, added, last used, remove) and «Legg til passnøkkel». Adding
 * one needs the password again (or a fresh single sign-on), unless this session confirmed within five minutes.
 */
export function PasskeysCard({ ssoName }: { ssoName: string | null }) {
  const t = useTranslations("profile");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const domainText = useDomainText();
  const { dateTime } = useDates();
  const list = useQuery(trpc.passkey.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.passkey.list.queryKey() });
  const reauth = useMutation(trpc.submission.reauthenticate.mutationOptions());
  const options = useMutation(trpc.passkey.registrationOptions.mutationOptions());
  const register = useMutation(trpc.passkey.register.mutationOptions({ onSuccess: () => void refresh() }));
  const remove = useMutation(trpc.passkey.remove.mutationOptions({ onSuccess: () => void refresh() }));
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  if (list.isPending || list.error) return null;
  const { passkeys, reauthFresh, reauthVia } = list.data;
  const busy = reauth.isPending || options.isPending || register.isPending;

  async function add() {
    setError(null);
    setPasswordError(null);
    setStatus(null);
    if (!browserSupportsWebAuthn()) return setError(t("passkeyUnsupported"));
    try {
      if (!reauthFresh) {
        await reauth.mutateAsync({ password });
        setPassword("");
      }
      const optionsJSON = await options.mutateAsync();
      let response;
      try {
        response = await startRegistration({ optionsJSON });
      } catch {
        setError(t("passkeyCancelled"));
        return;
      }
      const added = await register.mutateAsync({ name: name.trim() || undefined, response });
      setName("");
      setStatus(t("passkeyAdded", { name: added.name }));
    } catch (err) {
      const atField = errorData(err)?.fieldErrors?.password?.[0];
      if (atField) setPasswordError(domainText(atField));
      else setError(errorText(err));
    } finally {
      void refresh();
    }
  }

  return (
    <Card title={t("passkeys")}>
      <p className="mb-3 text-sm text-slate-700">{t("passkeysIntro")}</p>
      {passkeys.length ? (
        <ul className="mb-4 divide-y divide-slate-200 text-sm" data-testid="passkeys">
          {passkeys.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="font-medium">{p.name}</p>
                <p className="text-xs text-slate-600">
                  {t("passkeyCreated", { time: dateTime(p.createdAt) })} ·{" "}
                  {p.lastUsedAt
                    ? t("passkeyLastUsed", { time: dateTime(p.lastUsedAt) })
                    : t("passkeyNeverUsed")}
                </p>
                <p className="break-all font-mono text-xs text-slate-500">{p.credentialId.slice(0, 16)}…</p>
              </div>
              <button
                type="button"
                className={secondaryButtonClass}
                aria-label={t("passkeyRemoveNamed", { name: p.name })}
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { passkeyId: p.id },
                    {
                      onSuccess: () => setStatus(t("passkeyRemoved")),
                      onError: (err) => setError(errorText(err)),
                    },
                  )
                }
              >
                {t("passkeyRemove")}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-slate-500">{t("passkeysNone")}</p>
      )}
      {!reauthFresh && reauthVia === "oidc" && ssoName ? (
        <form action={reauthenticateWithOidc}>
          <input type="hidden" name="callbackUrl" value="/profil" />
          <button type="submit" className={secondaryButtonClass}>
            {t("passkeyReauthSso", { name: ssoName })}
          </button>
        </form>
      ) : (
        <form
          className="grid max-w-md gap-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Field id="passkey-name" label={t("passkeyName")}>
            <input
              id="passkey-name"
              className={inputClass}
              maxLength={60}
              placeholder={t("passkeyNamePlaceholder")}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="passkey-name"
            />
          </Field>
          {reauthFresh ? null : (
            <Field id="passkey-password" label={t("passkeyPassword")} error={passwordError ?? undefined}>
              <input
                id="passkey-password"
                type="password"
                autoComplete="current-password"
                className={inputClass}
                value={password}
                onChange={(e) => {
                  setPassword(e.target.value);
                  setPasswordError(null);
                }}
                aria-invalid={passwordError ? true : undefined}
                data-testid="passkey-password"
              />
            </Field>
          )}
          <div>
            <button
              type="submit"
              className={buttonClass}
              disabled={busy || (!reauthFresh && !password)}
              data-testid="passkey-add"
            >
              {t("passkeyAdd")}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite" className="mt-2">
        {error ? <Alert>{error}</Alert> : null}
        {status ? (
          <p className="text-sm text-emerald-700" data-testid="passkey-status">
            {status}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
