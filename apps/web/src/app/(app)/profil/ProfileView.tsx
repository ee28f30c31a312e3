"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, Loading, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
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
