"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, inputClass, ScrollRegion } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { OutcomeBadge } from "./OutcomesPanel";

/** The year Innsikt opens its outcomes on: this year in Oslo. */
const outcomeYear = () =>
  Number(new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" }).slice(0, 4));
const outcomePeriod = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

type Counts = { adopted: number; partly: number; notAdopted: number; unknown: number; total: number };

/** A year's outcomes in short: adopted and partly adopted of all recorded. */
const yearText = (y: Counts & { year: number }) => `${y.year}: ${y.adopted + y.partly}/${y.total}`;

const buttonClass =
  "rounded-md bg-blue-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-50";
const downloadClass =
  "rounded-md border border-blue-800 px-3 py-1.5 text-sm font-medium text-blue-900 hover:bg-blue-50";

/**
 * The year's report as files: asked for here, rendered by the worker (PDF/A and DOCX, the letter's renderers), then
 * downloaded from /api/innsikt/gjennomslag/<render>/<kind>.
 */
function ReportFiles({ year }: { year: number }) {
  const t = useTranslations("memory");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const request = useMutation(trpc.memory.requestReport.mutationOptions());
  const [asked, setAsked] = useState<{ year: number; id: string } | null>(null);
  const id = asked?.year === year ? asked.id : null;
  const render = useQuery({
    ...trpc.memory.reportRender.queryOptions({ id: id ?? "" }),
    enabled: !!id,
    refetchInterval: (q) =>
      q.state.data?.status === "DONE" || q.state.data?.status === "FAILED" ? false : 1000,
  });
  const status = id ? render.data?.status : undefined;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2" data-testid="report-files">
      <button
        type="button"
        className={buttonClass}
        disabled={request.isPending || (!!id && status !== "DONE" && status !== "FAILED")}
        onClick={() => request.mutate({ year }, { onSuccess: (r) => setAsked({ year, id: r.id }) })}
      >
        {t("reportMake")}
      </button>
      {id && status !== "DONE" && status !== "FAILED" ? (
        <span className="text-sm text-slate-600" role="status">
          {t("reportRendering")}
        </span>
      ) : null}
      {id && status === "DONE" ? (
        <>
          <a
            href={`/api/innsikt/gjennomslag/${id}/pdf`}
            className={downloadClass}
            data-testid="report-pdf"
            download
          >
            {t("reportPdf")}
          </a>
          <a
            href={`/api/innsikt/gjennomslag/${id}/docx`}
            className={downloadClass}
            data-testid="report-docx"
            download
          >
            {t("reportDocx")}
          </a>
        </>
      ) : null}
      {status === "FAILED" ? <Alert>{t("reportFailed")}</Alert> : null}
      {request.error ? <Alert>{errorText(request.error)}</Alert> : null}
    </div>
  );
}

function CountsTable<T extends Counts>({
  rows,
  label,
  name,
  testId,
}: {
  rows: T[];
  label: string;
  name: (r: T) => React.ReactNode;
  testId: string;
}) {
  const t = useTranslations("memory");
  return (
    <ScrollRegion label={label}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="text-xs text-slate-600">
          <tr>
            <th className="py-1 pr-2">{label}</th>
            <th className="px-1">{t("ADOPTED")}</th>
            <th className="px-1">{t("PARTLY")}</th>
            <th className="px-1">{t("NOT_ADOPTED")}</th>
            <th className="px-1">{t("UNKNOWN")}</th>
            <th className="px-1">{t("total")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-t border-slate-100">
              <td className="py-1 pr-2">{name(r)}</td>
              <td className="px-1">{r.adopted}</td>
              <td className="px-1">{r.partly}</td>
              <td className="px-1">{r.notAdopted}</td>
              <td className="px-1">{r.unknown}</td>
              <td className="px-1">{r.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * Innsikt's «What came of it»: outcomes per topic, issuing body and position in a year, the years side by side and
 * each position's record year by year, and that year's report (shown here, made as PDF/A and DOCX on request).
 */
export function OutcomeInsight({ canReport }: { canReport: boolean }) {
  const t = useTranslations("memory");
  const trpc = useTRPC();
  const { date, quote } = useDates();
  const [year, setYear] = useState(outcomeYear);
  const insight = useQuery({
    ...trpc.memory.outcomeInsight.queryOptions(outcomePeriod(year)),
    placeholderData: (p) => p,
  });
  const report = useQuery({ ...trpc.memory.outcomeReport.queryOptions({ year }), placeholderData: (p) => p });
  const d = insight.data;
  return (
    <section className="mt-6 space-y-4" data-testid="outcome-insight">
      <div className="flex flex-wrap items-end gap-3">
        <h2 className="text-xl font-semibold text-slate-900">{t("insightTitle")}</h2>
        <label className="text-sm">
          {t("year")}{" "}
          <select
            className={`${inputClass} inline-block w-28`}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {Array.from({ length: 8 }, (_, i) => outcomeYear() - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      {d && !d.positions.length ? <p className="text-sm text-slate-600">{t("insightEmpty")}</p> : null}
      {d?.years.length ? (
        <Card title={t("perYear")}>
          <CountsTable rows={d.years} label={t("year")} name={(r) => r.year} testId="outcomes-per-year" />
        </Card>
      ) : null}
      {d?.positions.length ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Card title={t("perTopic")}>
            <CountsTable
              rows={d.topics}
              label={t("topic")}
              name={(r) => r.topic}
              testId="outcomes-per-topic"
            />
          </Card>
          <Card title={t("perBody")}>
            <CountsTable
              rows={d.issuingBodies}
              label={t("body")}
              name={(r) => r.issuingBody}
              testId="outcomes-per-body"
            />
          </Card>
          <Card title={t("perPosition")} className="lg:col-span-2">
            <CountsTable
              rows={d.positions}
              label={t("position")}
              name={(r) => (
                <>
                  <Link href={`/standpunkter/${r.positionId}`} className="text-blue-900 underline">
                    {r.statement}
                  </Link>
                  {r.years.length ? (
                    <span className="block text-xs text-slate-600" data-testid="position-years">
                      {t("overTime")}: {r.years.map(yearText).join(" · ")}
                    </span>
                  ) : null}
                </>
              )}
              testId="outcomes-per-position"
            />
          </Card>
        </div>
      ) : null}
      {report.data ? (
        <Card title={t("report", { year })}>
          {report.data.positions.length ? (
            <>
              <p className="mb-2 text-sm text-slate-600">{t("reportIntro")}</p>
              <ul className="space-y-2 text-sm" data-testid="outcome-report">
                {report.data.positions.map((p) => (
                  <li key={p.positionId}>
                    <p className="font-medium">{p.statement}</p>
                    {p.results.map((r, i) => (
                      <p key={i} className="flex flex-wrap items-center gap-2 text-slate-700">
                        <OutcomeBadge result={r.result} />
                        {r.sourceUrl ? (
                          <a
                            href={r.sourceUrl}
                            className="text-blue-800 underline"
                            rel="noreferrer"
                            target="_blank"
                          >
                            {r.sourceTitle}
                          </a>
                        ) : (
                          <span>{r.sourceTitle}</span>
                        )}
                        {r.sourceDate ? <span>{date(r.sourceDate)}</span> : null}
                        <span>· {quote(r.letter)}</span>
                      </p>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="text-sm text-slate-600">{t("reportEmpty", { year })}</p>
          )}
          {canReport ? <ReportFiles year={year} /> : null}
        </Card>
      ) : null}
    </section>
  );
}
