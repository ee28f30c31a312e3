"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { MilestoneKind } from "@innspill/domain/shared";
import { Alert, Card, Field, Loading, buttonClass, inputClass } from "@/components/ui";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

const KINDS = Object.values(MilestoneKind);

export function SettingsView() {
  const t = useTranslations("admin");
  const hearings = useTranslations("hearings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const domainText = useDomainText();
  const settings = useQuery(trpc.admin.settings.queryOptions());
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const save = useMutation(
    trpc.admin.updateSettings.mutationOptions({
      onSuccess: () => {
        setFieldErrors({});
        setNotice({ kind: "success", text: t("settingsSaved") });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.settings.queryKey() });
      },
      onError: (err) => {
        setFieldErrors(errorData(err)?.fieldErrors ?? {});
        setNotice({ kind: "error", text: errorText(err) });
        // Someone else saved meanwhile: fetch their version (the form keeps what this admin typed).
        if (errorData(err)?.code === "CONFLICT")
          void queryClient.invalidateQueries({ queryKey: trpc.admin.settings.queryKey() });
      },
    }),
  );
  if (settings.isPending) return <Loading label={t("settings")} />;
  if (settings.error) return <Alert>{errorText(settings.error)}</Alert>;
  const s = settings.data;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const num = (k: string) => Number(fd.get(k));
    save.mutate({
      version: s.version,
      milestoneOffsets: Object.fromEntries(KINDS.map((k) => [k, num(k)])) as Record<
        (typeof KINDS)[number],
        number
      >,
      reminderWorkingDays: num("reminderWorkingDays"),
    });
  }
  const fe = (k: string) => (fieldErrors[k]?.[0] ? domainText(fieldErrors[k][0]) : undefined);

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
      <Card title={t("offsetsTitle")}>
        {fe("milestoneOffsets") ? <Alert>{fe("milestoneOffsets")}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-4">
          {KINDS.map((k) => (
            <Field
              key={k}
              id={`offset-${k}`}
              label={hearings(`milestoneKinds.${k}`)}
              error={fe(`milestoneOffsets.${k}`)}
            >
              <input
                id={`offset-${k}`}
                name={k}
                type="number"
                min={0}
                max={60}
                defaultValue={s.milestoneOffsets[k]}
                className={inputClass}
              />
            </Field>
          ))}
        </div>
      </Card>
      <Card>
        <Field id="reminder-days" label={t("reminderDays")} error={fe("reminderWorkingDays")}>
          <input
            id="reminder-days"
            name="reminderWorkingDays"
            type="number"
            min={0}
            max={20}
            defaultValue={s.reminderWorkingDays}
            className={`${inputClass} w-24`}
          />
        </Field>
      </Card>
      <button type="submit" className={buttonClass} disabled={save.isPending}>
        {t("saveSettings")}
      </button>
    </form>
  );
}
