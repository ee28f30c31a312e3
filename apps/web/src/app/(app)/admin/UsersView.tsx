"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ROLES } from "@innspill/domain/shared";
import {
  Alert,
  Card,
  Field,
  Loading,
  buttonClass,
  inputClass,
  secondaryButtonClass,
  ScrollRegion,
} from "@/components/ui";
import { useErrorText, useFormErrors } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { useIdempotentMutation } from "@/lib/idempotency";

export function UsersView() {
  const t = useTranslations("admin");
  const app = useTranslations("app");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const users = useQuery(trpc.user.list.queryOptions());
  const form = useFormErrors();
  const [success, setSuccess] = useState<string | null>(null);
  const [resetFor, setResetFor] = useState<{ id: string; name: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  const fail = (err: unknown) => {
    setSuccess(null);
    form.onError(err);
  };

  const create = useIdempotentMutation(
    trpc.user.create.mutationOptions({
      onSuccess: () => {
        form.clear();
        setSuccess(t("created"));
        void refresh();
      },
      onError: fail,
    }),
  );
  const deactivate = useMutation(
    trpc.user.deactivate.mutationOptions({ onSuccess: () => void refresh(), onError: fail }),
  );
  const activate = useMutation(
    trpc.user.activate.mutationOptions({ onSuccess: () => void refresh(), onError: fail }),
  );
  const resetPassword = useMutation(
    trpc.user.resetPassword.mutationOptions({
      onSuccess: () => {
        setResetFor(null);
        form.clear();
        setSuccess(t("passwordReset"));
      },
      onError: fail,
    }),
  );

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    create.mutate(
      {
        name: String(fd.get("name") ?? ""),
        email: String(fd.get("email") ?? ""),
        title: String(fd.get("title") ?? ""),
        role: String(fd.get("role") ?? "ADVISER") as (typeof ROLES)[number],
        password: String(fd.get("password") ?? ""),
      },
      { onSuccess: () => form.reset() },
    );
  }

  const fe = form.fieldError;

  return (
    <div className="space-y-4">
      {form.error ? <Alert>{form.error}</Alert> : null}
      {success && !form.error ? <Alert kind="success">{success}</Alert> : null}
      <Card>
        {users.isPending ? <Loading label={t("users")} /> : null}
        {users.error ? <Alert>{errorText(users.error)}</Alert> : null}
        {users.data ? (
          <ScrollRegion label={t("users")}>
            <table className="w-full text-left text-sm" data-testid="users-table">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className="py-2 pr-3">{t("name")}</th>
                  <th className="py-2 pr-3">{t("email")}</th>
                  <th className="py-2 pr-3">{t("role")}</th>
                  <th className="py-2 pr-3">{t("status")}</th>
                  <th className="py-2">{t("actions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {users.data.map((u) => (
                  <tr key={u.id}>
                    <td className="py-2 pr-3">
                      {u.name}
                      {u.title ? <span className="block text-xs text-slate-500">{u.title}</span> : null}
                    </td>
                    <td className="py-2 pr-3">{u.email}</td>
                    <td className="py-2 pr-3">{app(`roles.${u.role}`)}</td>
                    <td className="py-2 pr-3">{u.active ? t("active") : t("inactive")}</td>
                    <td className="flex flex-wrap gap-2 py-2">
                      {u.active ? (
                        <button
                          type="button"
                          className={secondaryButtonClass}
                          onClick={() => {
                            if (window.confirm(t("confirmDeactivate", { name: u.name })))
                              deactivate.mutate({ userId: u.id });
                          }}
                        >
                          {t("deactivate")}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className={secondaryButtonClass}
                          onClick={() => activate.mutate({ userId: u.id })}
                        >
                          {t("activate")}
                        </button>
                      )}
                      <button
                        type="button"
                        className={secondaryButtonClass}
                        onClick={() => setResetFor({ id: u.id, name: u.name })}
                      >
                        {t("resetPassword")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
      </Card>
      {resetFor ? (
        <Card title={t("newPassword", { name: resetFor.name })}>
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              const pw = String(new FormData(e.currentTarget).get("password") ?? "");
              resetPassword.mutate({ userId: resetFor.id, password: pw });
            }}
          >
            <Field id="reset-password" label={t("password")} error={fe("password")}>
              <input
                id="reset-password"
                name="password"
                type="password"
                autoComplete="new-password"
                className={inputClass}
              />
            </Field>
            <button type="submit" className={buttonClass} disabled={resetPassword.isPending}>
              {t("setPassword")}
            </button>
          </form>
        </Card>
      ) : null}
      <Card title={t("newUser")}>
        <form onSubmit={onCreate} className="grid gap-4 md:grid-cols-2" noValidate>
          <Field id="new-name" label={t("name")} error={fe("name")}>
            <input id="new-name" name="name" className={inputClass} />
          </Field>
          <Field id="new-email" label={t("email")} error={fe("email")}>
            <input id="new-email" name="email" type="email" className={inputClass} />
          </Field>
          <Field id="new-title" label={t("userTitle")} error={fe("title")}>
            <input id="new-title" name="title" className={inputClass} />
          </Field>
          <Field id="new-role" label={t("role")} error={fe("role")}>
            <select id="new-role" name="role" className={inputClass} defaultValue="ADVISER">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {app(`roles.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="new-password" label={t("password")} error={fe("password")}>
            <input
              id="new-password"
              name="password"
              type="password"
              autoComplete="new-password"
              className={inputClass}
            />
          </Field>
          <div className="flex items-end">
            <button type="submit" className={buttonClass} disabled={create.isPending}>
              {t("create")}
            </button>
          </div>
        </form>
      </Card>
    </div>
  );
}
