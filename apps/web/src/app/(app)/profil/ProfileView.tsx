"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, Field, Loading, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { useErrorText, useFormErrors } from "@/lib/errors";
import { endSessionAfterPasswordChange } from "@/app/actions";
import { useTRPC } from "@/trpc/client";

export function ProfileView() {
  const t = useTranslations("profile");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const profile = useQuery(trpc.me.profile.queryOptions());
  const [saved, setSaved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.me.profile.queryKey() });
  const setReminders = useMutation(
    trpc.me.setEmailReminders.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        void refresh();
      },
    }),
  );
  const issue = useMutation(trpc.me.issueCalendarToken.mutationOptions({ onSuccess: () => void refresh() }));
  const revoke = useMutation(
    trpc.me.revokeCalendarToken.mutationOptions({ onSuccess: () => void refresh() }),
  );

  if (profile.isPending) return <Loading label={t("title")} />;
  if (profile.error) return <Alert>{errorText(profile.error)}</Alert>;
  const p = profile.data;
  const feedUrl = p.calendarToken ? `${window.location.origin}/api/calendar/${p.calendarToken}.ics` : null;

  return (
    <div className="space-y-4">
      <Card>
        <p className="font-medium">{p.name}</p>
        <p className="text-sm text-slate-600">
          {p.email}
          {p.title ? ` · ${p.title}` : ""}
        </p>
      </Card>
      <Card>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="h-4 w-4"
            checked={p.emailReminders}
            onChange={(e) => setReminders.mutate({ enabled: e.target.checked })}
            data-testid="email-reminders"
          />
          {t("emailReminders")}
        </label>
        <p className="mt-1 text-xs text-slate-500">{t("emailRemindersHint")}</p>
        {saved ? <p className="mt-1 text-sm text-emerald-700">{t("saved")}</p> : null}
      </Card>
      <ChangePassword />
      <Card title={t("calendar")}>
        <p className="mb-3 text-sm text-slate-700">{t("calendarIntro")}</p>
        {feedUrl ? (
          <input
            readOnly
            className={`${inputClass} mb-3 font-mono text-xs`}
            value={feedUrl}
            data-testid="calendar-url"
            onFocus={(e) => e.target.select()}
          />
        ) : (
          <p className="mb-3 text-sm text-slate-500">{t("calendarNone")}</p>
        )}
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonClass}
            onClick={() => issue.mutate()}
            disabled={issue.isPending}
          >
            {feedUrl ? t("calendarRenew") : t("calendarIssue")}
          </button>
          {feedUrl ? (
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => revoke.mutate()}
              disabled={revoke.isPending}
            >
              {t("calendarRevoke")}
            </button>
          ) : null}
        </div>
      </Card>
    </div>
  );
}

/** Bytt passord: the current password, then the new one; errors at the field that caused them. */
function ChangePassword() {
  const t = useTranslations("profile");
  const trpc = useTRPC();
  const form = useFormErrors();
  const [done, setDone] = useState(false);
  const change = useMutation(
    trpc.me.changePassword.mutationOptions({
      onError: form.onError,
      onSuccess: () => {
        form.clear();
        setDone(true);
        // Every session has ended, this one too: to the login page, which says why.
        void endSessionAfterPasswordChange();
      },
    }),
  );
  return (
    <Card title={t("changePassword")}>
      <form
        className="grid max-w-md gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          const fd = new FormData(e.currentTarget);
          change.mutate(
            { current: String(fd.get("current") ?? ""), password: String(fd.get("password") ?? "") },
            { onSuccess: () => (e.target as HTMLFormElement).reset() },
          );
        }}
      >
        <Field id="current-password" label={t("currentPassword")} error={form.fieldError("current")}>
          <input
            id="current-password"
            name="current"
            type="password"
            autoComplete="current-password"
            className={inputClass}
            aria-invalid={!!form.fieldError("current")}
          />
        </Field>
        <Field id="new-password" label={t("newPassword")} error={form.fieldError("password")}>
          <input
            id="new-password"
            name="password"
            type="password"
            autoComplete="new-password"
            className={inputClass}
            aria-invalid={!!form.fieldError("password")}
          />
        </Field>
        <div>
          <button type="submit" className={buttonClass} disabled={change.isPending}>
            {t("changePasswordButton")}
          </button>
        </div>
        <div aria-live="polite">
          {form.error && !form.fieldError("current") && !form.fieldError("password") ? (
            <Alert>{form.error}</Alert>
          ) : null}
          {done ? <p className="text-sm text-emerald-700">{t("passwordChanged")}</p> : null}
        </div>
      </form>
    </Card>
  );
}
