"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useDomainText } from "@/lib/errors";
import { Alert, Card, Field, buttonClass, inputClass } from "@/components/ui";

/** The records office's period extract: every case closed between two dates, as one Noark 5 package (zip). */
export function ArchiveExportView() {
  const t = useTranslations("admin");
  const domain = useDomainText();
  const lastYear = new Date().getFullYear() - 1;
  const [from, setFrom] = useState(`${lastYear}-01-01`);
  const [to, setTo] = useState(`${lastYear}-12-31`);
  const [interim, setInterim] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const res = await fetch(
        `/api/arkiv?${new URLSearchParams({ from, to, ...(interim ? { interim: "1" } : {}) })}`,
      );
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { messageKey?: string } | null;
        setError(body?.messageKey ? domain(body.messageKey) : t("archiveFailed"));
        return;
      }
      const name =
        /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "noark.zip";
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
      setDone(name);
    } catch {
      setError(t("archiveFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <p className="mb-4 max-w-2xl text-sm text-slate-700">{t("archiveIntro")}</p>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-4" noValidate>
        <Field id="archive-from" label={t("archiveFrom")}>
          <input
            id="archive-from"
            type="date"
            className={inputClass}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            required
          />
        </Field>
        <Field id="archive-to" label={t("archiveTo")}>
          <input
            id="archive-to"
            type="date"
            className={inputClass}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            required
          />
        </Field>
        <label className="flex items-center gap-2 text-sm" title={t("archiveInterimHelp")}>
          <input type="checkbox" checked={interim} onChange={(e) => setInterim(e.target.checked)} />
          {t("archiveInterim")}
        </label>
        <button type="submit" className={buttonClass} disabled={busy} data-testid="archive-export">
          {busy ? t("archiveBusy") : t("archiveExport")}
        </button>
      </form>
      <div className="mt-4" aria-live="polite">
        {error ? <Alert>{error}</Alert> : null}
        {done ? <Alert kind="success">{t("archiveDone", { name: done })}</Alert> : null}
      </div>
    </Card>
  );
}
