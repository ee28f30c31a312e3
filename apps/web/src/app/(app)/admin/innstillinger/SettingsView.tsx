"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { MilestoneKind, milestoneLabelKey } from "@innspill/domain/shared";
import { Alert, Card, Field, Loading, buttonClass, inputClass } from "@/components/ui";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

const KINDS = Object.values(MilestoneKind);

export function SettingsView() {
  const t = useTranslations("admin");
  const domain = useTranslations("domain");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const domainText = useDomainText();
  const settings = useQuery(trpc.admin.settings.queryOptions());
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const save = useMutation(
    trpc.admin.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        setFieldErrors({});
        setNotice({ kind: "success", text: t("settingsSaved") });
        // The saved version at once: a logo chosen right after is sent with it, not with the one before.
        queryClient.setQueryData(trpc.admin.settings.queryKey(), saved);
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
  const logo = useMutation(
    trpc.admin.setLetterLogo.mutationOptions({
      onSuccess: (saved) => {
        setNotice({ kind: "success", text: saved.letterLogo ? t("logoSaved") : t("logoRemoved") });
        queryClient.setQueryData(trpc.admin.settings.queryKey(), saved);
      },
      onError: (err) => {
        // What is wrong with the file (not an image, too large), said as such.
        const atField = errorData(err)?.fieldErrors?.image?.[0];
        setNotice({ kind: "error", text: atField ? domainText(atField) : errorText(err) });
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
      letterFooter: String(fd.get("letterFooter") ?? ""),
    });
  }
  async function onLogo(file: File | undefined) {
    if (!file) return;
    // Checked by the server too (kind, size); said here at once for the obvious cases.
    if (file.size > 512 * 1024) return setNotice({ kind: "error", text: domainText("logoTooLarge") });
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    logo.mutate({ version: s.version, image: btoa(binary) });
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
              label={domain(milestoneLabelKey(k))}
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
      <Card title={t("letterTitle")}>
        <Field id="letter-footer" label={t("letterFooter")} error={fe("letterFooter")}>
          <textarea
            id="letter-footer"
            name="letterFooter"
            rows={3}
            maxLength={300}
            defaultValue={s.letterFooter ?? ""}
            aria-describedby="letter-footer-hint"
            className={inputClass}
            data-testid="letter-footer"
          />
        </Field>
        <p id="letter-footer-hint" className="mt-1 text-xs text-slate-600">
          {t("letterFooterHint")}
        </p>
        <div className="mt-4">
          <Field id="letter-logo" label={t("letterLogo")}>
            <input
              id="letter-logo"
              type="file"
              accept="image/png,image/jpeg"
              disabled={logo.isPending}
              onChange={(e) => void onLogo(e.target.files?.[0])}
              className="block text-sm"
              data-testid="letter-logo"
            />
          </Field>
          <p className="mt-1 text-xs text-slate-600" data-testid="letter-logo-status">
            {s.letterLogo
              ? t("logoCurrent", {
                  kind: s.letterLogo.mediaType === "image/png" ? "PNG" : "JPEG",
                  width: s.letterLogo.width,
                  height: s.letterLogo.height,
                })
              : t("logoNone")}
          </p>
          {s.letterLogo ? (
            <button
              type="button"
              className="mt-2 text-sm text-blue-800 underline"
              disabled={logo.isPending}
              onClick={() => logo.mutate({ version: s.version, image: null })}
            >
              {t("logoRemove")}
            </button>
          ) : null}
        </div>
      </Card>
      <button type="submit" className={buttonClass} disabled={save.isPending}>
        {t("saveSettings")}
      </button>
    </form>
  );
}
