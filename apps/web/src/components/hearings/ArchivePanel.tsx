"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Card, buttonClass, inputClass } from "../ui";
import { useDates } from "@/lib/dates";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import type { RouterOutputs } from "@/lib/types";
import { useTRPC } from "@/trpc/client";

type Detail = RouterOutputs["hearing"]["byId"];

/**
 * The case as the archive will take it: its saksnummer and journalpost numbers (given at registration, never
 * changed), each document's archive copy (PDF/A) or why it has none and what to do, and the case's skjerming.
 */
export function ArchivePanel({ detail, canEdit }: { detail: Detail; canEdit: boolean }) {
  const t = useTranslations("archive");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const domainText = useDomainText();
  const { date } = useDates();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { journal, documents } = detail;
  const setScreening = useMutation(
    trpc.hearing.setScreening.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        void queryClient.invalidateQueries({
          queryKey: trpc.hearing.byId.queryKey({ id: detail.hearing.id }),
        });
      },
      // A field's message in words (both or neither, too long), else the error as the app words it.
      onError: (err) => {
        const field = Object.values(errorData(err)?.fieldErrors ?? {})[0]?.[0];
        setError(field ? domainText(field) : errorText(err));
      },
    }),
  );
  const failed = documents.filter((d) => d.archiveStatus === "FAILED");

  function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const fd = new FormData(e.currentTarget);
    setScreening.mutate({
      id: detail.hearing.id,
      basis: String(fd.get("basis") ?? ""),
      publicTitle: String(fd.get("publicTitle") ?? ""),
    });
  }

  return (
    <Card title={t("title")}>
      <dl
        className="mb-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]"
        data-testid="journal-numbers"
      >
        <dt className="font-medium text-slate-600">{t("caseNumber")}</dt>
        <dd data-testid="case-number">{journal.caseNumber ?? "—"}</dd>
        {journal.entries.map((e) => (
          <div key={e.direction} className="contents">
            <dt className="font-medium text-slate-600">
              {t(e.direction === "INN" ? "incoming" : "outgoing")}
            </dt>
            <dd data-testid={`journal-${e.direction}`}>
              {e.number} · {t("journalDate", { date: date(e.date) })}
            </dd>
          </div>
        ))}
      </dl>
      {failed.length > 0 ? (
        <div
          className="mb-3 rounded border border-red-300 bg-red-50 p-3 text-sm"
          data-testid="archive-failed"
        >
          <p className="font-semibold text-red-900">{t("failedHeading")}</p>
          <ul className="ml-4 list-disc">
            {failed.map((d) => (
              <li key={d.id}>
                «{d.filename}»: {d.archiveError ?? t("failedUnknown")}
              </li>
            ))}
          </ul>
          <p className="mt-1 text-red-900">{t("failedWhatToDo")}</p>
        </div>
      ) : null}
      {documents.length > 0 ? (
        <ul className="mb-3 space-y-1 text-sm" data-testid="archive-copies">
          {documents.map((d) => (
            <li key={d.id} data-status={d.archiveStatus}>
              {d.title ?? d.filename}:{" "}
              <span className="text-slate-600">{t(`status.${d.archiveStatus}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <h3 className="mb-1 text-sm font-semibold text-slate-700">{t("screening")}</h3>
      {journal.screening.basis ? (
        <p className="mb-2 text-sm" data-testid="screening">
          {t("screenedAs", { basis: journal.screening.basis, title: journal.screening.publicTitle ?? "" })}
        </p>
      ) : (
        <p className="mb-2 text-sm text-slate-600">{t("notScreened")}</p>
      )}
      {canEdit ? (
        <form onSubmit={save} className="space-y-2 text-sm">
          {error ? <Alert>{error}</Alert> : null}
          <label className="block">
            <span className="mb-1 block text-slate-700">{t("basis")}</span>
            <input
              name="basis"
              maxLength={200}
              defaultValue={journal.screening.basis ?? ""}
              placeholder="Offl. § 13 jf. fvl. § 13"
              className={inputClass}
            />
          </label>
          <label className="block">
            <span className="mb-1 block text-slate-700">{t("publicTitle")}</span>
            <input
              name="publicTitle"
              maxLength={500}
              defaultValue={journal.screening.publicTitle ?? ""}
              placeholder={detail.hearing.title}
              className={inputClass}
            />
            <span className="mt-1 block text-xs text-slate-500">{t("publicTitleHelp")}</span>
          </label>
          <button type="submit" className={buttonClass} disabled={setScreening.isPending}>
            {t("saveScreening")}
          </button>
          {saved ? <span className="ml-2 text-green-800">{t("saved")}</span> : null}
        </form>
      ) : null}
    </Card>
  );
}
