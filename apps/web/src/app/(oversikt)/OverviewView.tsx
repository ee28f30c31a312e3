import Link from "next/link";
import { useTranslations } from "next-intl";
import { HEARING_STATUSES } from "@innspill/domain/shared";
import { HearingList } from "@/components/hearings/HearingList";
import { MonthCalendar } from "@/components/MonthCalendar";
import { Card } from "@/components/ui";
import { useDates } from "@/lib/dates";
import type { RouterOutputs } from "@/lib/types";

/** Oversikt: a server component, like everything it renders (no client data layer on this page). */
export function OverviewView({
  overview: o,
  calendar,
}: {
  overview: RouterOutputs["overview"]["get"];
  calendar: { month: string; events: RouterOutputs["overview"]["calendar"]["events"] };
}) {
  const t = useTranslations("overview");
  const statuses = useTranslations("statuses");
  const { date, quarter } = useDates();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("today", { date: date(o.today) })}</p>
      {o.waitingForMe.length ? (
        <Card title={`${t("waitingForMe")} (${o.waitingForMe.length})`} className="border-blue-300">
          <ul className="divide-y divide-slate-200" data-testid="overview-waiting">
            {o.waitingForMe.map((w) => (
              <li key={w.id}>
                <Link
                  href={`/innspill/${w.id}/godkjenning`}
                  className="-mx-2 flex min-h-11 items-center gap-3 rounded-md px-2 py-2 hover:bg-slate-50"
                  data-testid="waiting-item"
                >
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium text-blue-900">{w.title}</span>
                    <span className="block text-sm text-slate-600">
                      {t("waitingDeadline", { date: date(w.deadline) })}
                      {w.recipient ? ` · ${t("waitingTo", { recipient: w.recipient })}` : ""}
                    </span>
                  </span>
                  <span className="shrink-0 rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
                    {w.action === "approve" ? t("waitingApprove") : t("waitingSign")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card
          title={`${t("overdue")} (${o.overdue.length})`}
          className={o.overdue.length ? "border-red-300" : ""}
        >
          <div data-testid="overview-overdue">
            {o.overdue.length ? <p className="mb-2 text-xs text-slate-500">{t("overdueHint")}</p> : null}
            {o.overdue.length ? (
              <HearingList items={o.overdue} today={o.today} />
            ) : (
              <p className="text-sm text-slate-500">{t("none")}</p>
            )}
          </div>
        </Card>
        <Card
          title={`${t("atRisk")} (${o.atRisk.length})`}
          className={o.atRisk.length ? "border-amber-300" : ""}
        >
          <div data-testid="overview-at-risk">
            {o.atRisk.length ? <p className="mb-2 text-xs text-slate-500">{t("atRiskHint")}</p> : null}
            {o.atRisk.length ? (
              <HearingList items={o.atRisk} today={o.today} />
            ) : (
              <p className="text-sm text-slate-500">{t("none")}</p>
            )}
          </div>
        </Card>
        <Card title={`${t("dueThisWeek")} (${o.dueThisWeek.length})`}>
          <div data-testid="overview-due-this-week">
            {o.dueThisWeek.length ? (
              <HearingList items={o.dueThisWeek} today={o.today} />
            ) : (
              <p className="text-sm text-slate-500">{t("none")}</p>
            )}
          </div>
        </Card>
        <Card title={`${t("mine")} (${o.mine.length})`}>
          <div data-testid="overview-mine">
            {o.mine.length ? (
              <HearingList items={o.mine} today={o.today} />
            ) : (
              <p className="text-sm text-slate-500">{t("none")}</p>
            )}
          </div>
        </Card>
        <Card title={t("countsTitle")}>
          <ul className="grid grid-cols-2 gap-2 text-sm">
            {HEARING_STATUSES.map((s) => (
              <li key={s}>
                <Link
                  href={`/horinger?status=${s}`}
                  className="flex justify-between rounded px-2 py-1 hover:bg-slate-100"
                >
                  <span>{statuses(s)}</span>
                  <span className="font-semibold" data-testid={`count-${s}`}>
                    {o.counts[s]}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {o.decisions.length ? (
            <>
              <h3 className="mb-1 mt-4 text-sm font-semibold text-slate-700">{t("decisionsTitle")}</h3>
              <table className="w-full text-left text-sm" data-testid="decisions">
                <thead className="text-slate-600">
                  <tr>
                    <th className="pr-2">{t("period")}</th>
                    <th className="pr-2">{t("answered")}</th>
                    <th>{t("declined")}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.decisions.map((d) => (
                    <tr key={d.period}>
                      <td className="pr-2">{quarter(d.period)}</td>
                      <td className="pr-2">{d.answered}</td>
                      <td>{d.declined}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </Card>
        <MonthCalendar today={o.today} month={calendar.month} events={calendar.events} />
      </div>
    </div>
  );
}
