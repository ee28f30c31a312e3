"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, Field, inputClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

const RESULTS = ["ADOPTED", "PARTLY", "NOT_ADOPTED", "UNKNOWN"] as const;
type Result = (typeof RESULTS)[number];
type Outcome = {
  result: Result;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourceDate: string | null;
  note: string | null;
  version: number;
};

const badge: Record<Result, string> = {
  ADOPTED: "bg-emerald-100 text-emerald-900",
  PARTLY: "bg-lime-100 text-lime-900",
  NOT_ADOPTED: "bg-rose-100 text-rose-900",
  UNKNOWN: "bg-slate-100 text-slate-700",
};

export function OutcomeBadge({ result }: { result: Result }) {
  const t = useTranslations("memory");
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${badge[result]}`}>{t(result)}</span>;
}

/** The hearing's sent letters: for each position a letter used, what came of it, and where that is seen. */
export function OutcomesPanel({ hearingId }: { hearingId: string }) {
  const t = useTranslations("memory");
  const trpc = useTRPC();
  const { date } = useDates();
  const letters = useQuery(trpc.memory.hearingOutcomes.queryOptions({ hearingId }));
  if (!letters.data?.length) return null;
  return (
    <Card title={t("outcomes")}>
      <p className="mb-3 text-sm text-slate-600">{t("outcomesIntro")}</p>
      {letters.data.map((l) => (
        <div key={l.submissionId} className="mb-4">
          <p className="mb-2 text-sm font-medium">
            {t("letterSent", { title: l.title, date: l.sentOn ? date(l.sentOn) : "–" })}
          </p>
          <ul className="space-y-3" data-testid="outcomes">
            {l.positions.map((p) => (
              <li key={p.positionId} className="rounded-md border border-slate-200 p-2 text-sm">
                <Link href={`/standpunkter/${p.positionId}`} className="text-blue-800 underline">
                  {p.statement}
                </Link>
                <OutcomeRow
                  submissionId={l.submissionId}
                  positionId={p.positionId}
                  outcome={p.outcome}
                  canRecord={l.canRecord}
                  hearingId={hearingId}
                />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Card>
  );
}

function OutcomeRow(props: {
  submissionId: string;
  positionId: string;
  hearingId: string;
  outcome: Outcome | null;
  canRecord: boolean;
}) {
  const t = useTranslations("memory");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { date } = useDates();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const o = props.outcome;
  const [form, setForm] = useState({
    result: (o?.result ?? "UNKNOWN") as Result,
    sourceTitle: o?.sourceTitle ?? "",
    sourceUrl: o?.sourceUrl ?? "",
    sourceDate: o?.sourceDate ?? "",
    note: o?.note ?? "",
  });
  const record = useMutation(
    trpc.memory.recordOutcome.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.memory.pathKey() }),
    }),
  );
  const prefix = `o-${props.positionId}`;
  return (
    <div className="mt-1">
      <div className="flex flex-wrap items-center gap-2">
        {o ? (
          <OutcomeBadge result={o.result} />
        ) : (
          <span className="text-xs text-slate-500">{t("noOutcome")}</span>
        )}
        {o?.sourceTitle ? (
          o.sourceUrl ? (
            <a
              href={o.sourceUrl}
              className="text-xs text-blue-800 underline"
              rel="noreferrer"
              target="_blank"
            >
              {o.sourceTitle}
            </a>
          ) : (
            <span className="text-xs">{o.sourceTitle}</span>
          )
        ) : null}
        {o?.sourceDate ? <span className="text-xs text-slate-600">{date(o.sourceDate)}</span> : null}
        {props.canRecord && !open ? (
          <button type="button" className="text-xs text-blue-800 underline" onClick={() => setOpen(true)}>
            {o ? t("edit") : t("result")}
          </button>
        ) : null}
      </div>
      {open ? (
        <form
          className="mt-2 grid gap-2 sm:grid-cols-2"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await record.mutateAsync({
                submissionId: props.submissionId,
                positionId: props.positionId,
                ...form,
                ...(o ? { version: o.version } : {}),
              });
              setOpen(false);
              setError(null);
            } catch (err) {
              setError(errorText(err));
            }
          }}
        >
          <Field id={`${prefix}-result`} label={t("result")}>
            <select
              id={`${prefix}-result`}
              className={inputClass}
              value={form.result}
              onChange={(e) => setForm({ ...form, result: e.target.value as Result })}
            >
              {RESULTS.map((r) => (
                <option key={r} value={r}>
                  {t(r)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${prefix}-date`} label={t("sourceDate")}>
            <input
              id={`${prefix}-date`}
              type="date"
              className={inputClass}
              value={form.sourceDate}
              onChange={(e) => setForm({ ...form, sourceDate: e.target.value })}
            />
          </Field>
          <Field id={`${prefix}-title`} label={t("sourceTitle")}>
            <input
              id={`${prefix}-title`}
              className={inputClass}
              maxLength={500}
              value={form.sourceTitle}
              onChange={(e) => setForm({ ...form, sourceTitle: e.target.value })}
            />
          </Field>
          <Field id={`${prefix}-url`} label={t("sourceUrl")}>
            <input
              id={`${prefix}-url`}
              type="url"
              className={inputClass}
              maxLength={2000}
              value={form.sourceUrl}
              onChange={(e) => setForm({ ...form, sourceUrl: e.target.value })}
            />
          </Field>
          <div className="sm:col-span-2">
            <Field id={`${prefix}-note`} label={t("note")}>
              <input
                id={`${prefix}-note`}
                className={inputClass}
                maxLength={2000}
                value={form.note}
                onChange={(e) => setForm({ ...form, note: e.target.value })}
              />
            </Field>
          </div>
          {error ? (
            <div className="sm:col-span-2">
              <Alert>{error}</Alert>
            </div>
          ) : null}
          <div className="flex gap-2 sm:col-span-2">
            <button
              type="submit"
              className="rounded-md bg-blue-700 px-3 py-1 text-sm text-white disabled:opacity-50"
              disabled={record.isPending}
            >
              {t("save")}
            </button>
            <button type="button" className="text-sm underline" onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** A position's record across letters (its page). */
export function PositionOutcomes({ positionId }: { positionId: string }) {
  const t = useTranslations("memory");
  const trpc = useTRPC();
  const { date } = useDates();
  const rows = useQuery(trpc.memory.positionOutcomes.queryOptions({ id: positionId }));
  return (
    <Card title={t("positionRecord")}>
      {!rows.data?.length ? (
        <p className="text-sm text-slate-600">{t("positionRecordEmpty")}</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="position-outcomes">
          {rows.data.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-2">
              <OutcomeBadge result={o.result} />
              <Link href={`/horinger/${o.hearingId}`} className="text-blue-800 underline">
                {o.hearing}
              </Link>
              {o.sourceTitle ? (
                o.sourceUrl ? (
                  <a href={o.sourceUrl} className="text-blue-800 underline" rel="noreferrer" target="_blank">
                    {o.sourceTitle}
                  </a>
                ) : (
                  <span>{o.sourceTitle}</span>
                )
              ) : null}
              {o.sourceDate ? <span className="text-slate-600">{date(o.sourceDate)}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
