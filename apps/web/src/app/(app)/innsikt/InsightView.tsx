"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Alert, Card, Loading, PageHeader, inputClass, ScrollRegion } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { OutcomeInsight } from "@/components/memory/OutcomeInsight";

/** Where the organisation's positions are used, what lies unused, and how many hearings are answered. */
export function InsightView({ canReport }: { canReport: boolean }) {
  const t = useTranslations("insight");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const { date, quarter, quote } = useDates();
  const [months, setMonths] = useState(12);
  const insight = useQuery(trpc.letterImport.insight.queryOptions({ months }));
  if (insight.isPending) return <Loading label={t("title")} />;
  if (insight.error) return <Alert>{errorText(insight.error)}</Alert>;
  const d = insight.data;
  // The newest quarters, drawn oldest first as a time axis reads.
  const decisions = d.decisions.map((x) => ({ ...x, period: quarter(x.period) })).reverse();
  const anyUse = d.topics.some((x) => x.times > 0);
  return (
    <>
      <PageHeader title={t("title")} />
      {/* grid-cols-1: the charts size to the screen, not the other way round. */}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t("byTopic")}>
          {anyUse ? (
            <div className="h-64" data-testid="chart-topics">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={d.topics.slice(0, 12)} layout="vertical" margin={{ left: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="topic" width={120} />
                  <Tooltip />
                  <Bar dataKey="times" name={t("timesUsed")} fill="#1d4ed8" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          ) : (
            <p className="text-sm text-slate-600" data-testid="chart-topics-empty">
              {t("byTopicEmpty")}
            </p>
          )}
        </Card>
        <Card title={t("decisions")}>
          <div className="h-64" data-testid="chart-decisions">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={decisions}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="period" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="answered" name={t("answered")} stackId="a" fill="#047857" />
                <Bar dataKey="declined" name={t("declined")} stackId="a" fill="#a8a29e" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Card>
        <Card title={t("positions")} className="lg:col-span-2">
          {d.positions.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
          <ScrollRegion label={t("positions")}>
            <table
              className={`w-full text-left text-sm ${d.positions.length ? "" : "hidden"}`}
              data-testid="insight-positions"
            >
              <thead className="border-b text-slate-600">
                <tr>
                  <th className="py-1 pr-2">{t("position")}</th>
                  <th className="py-1 pr-2">{t("timesUsed")}</th>
                  <th className="py-1 pr-2">{t("lastUsed")}</th>
                  <th className="py-1">{t("recipients")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.positions.map((p) => (
                  <tr key={p.id}>
                    <td className="py-1 pr-2">
                      <Link href={`/standpunkter/${p.id}`} className="text-blue-900 hover:underline">
                        {p.statement}
                      </Link>
                    </td>
                    <td className="py-1 pr-2">{p.times}</td>
                    <td className="py-1 pr-2">{p.lastUsed ? date(p.lastUsed) : "—"}</td>
                    <td className="py-1">{p.recipients.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
        <Card title={t("unused", { months })}>
          <label className="mb-2 flex items-center gap-2 text-sm">
            {t("period")}
            <select
              className={`${inputClass} w-auto`}
              value={months}
              onChange={(e) => setMonths(Number(e.target.value))}
            >
              {[6, 12, 24, 36].map((m) => (
                <option key={m} value={m}>
                  {t("months", { months: m })}
                </option>
              ))}
            </select>
          </label>
          {d.unusedActive.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
          <ul className="space-y-1 text-sm" data-testid="insight-unused">
            {d.unusedActive.map((p) => (
              <li key={p.id}>
                <Link href={`/standpunkter/${p.id}`} className="text-blue-900 hover:underline">
                  {p.statement}
                </Link>
              </li>
            ))}
          </ul>
          {d.unusedActiveCount > d.unusedActive.length ? (
            <p className="mt-2 text-sm text-slate-600" data-testid="insight-unused-more">
              {t("moreUnused", { count: d.unusedActiveCount - d.unusedActive.length })}
            </p>
          ) : null}
        </Card>
        <Card title={t("retiredInDrafts")}>
          {d.retiredInDrafts.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
          <ul className="space-y-1 text-sm" data-testid="insight-retired">
            {d.retiredInDrafts.map((r) => (
              <li key={`${r.submissionId}${r.positionId}`}>
                {quote(r.statement)} {t("inLetter")}{" "}
                <Link href={`/innspill/${r.submissionId}`} className="text-blue-900 underline">
                  {r.letter}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <OutcomeInsight canReport={canReport} />
    </>
  );
}
