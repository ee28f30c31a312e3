import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { milestoneLabelKey } from "@innspill/domain/shared";
import { Card, secondaryButtonClass } from "./ui";
import type { RouterOutputs } from "@/lib/types";

function shiftMonth(month: string, delta: number) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * A month of deadlines and milestones, Monday first. Rendered on the server; the arrows are links to the month before
 * and after (`?maaned=2026-12`), so the month is also in the address.
 */
export function MonthCalendar({
  today,
  month,
  events: all,
}: {
  today: string;
  month: string;
  events: RouterOutputs["overview"]["calendar"]["events"];
}) {
  const t = useTranslations("overview");
  const domain = useTranslations("domain");
  const locale = useLocale();
  const [y, m] = month.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const cells = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  const title = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nb-NO", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(first);
  // A link is read with its day («12. desember: Frist: …»), which the grid shows only by position.
  const dayName = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nb-NO", {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });

  return (
    <Card className="lg:col-span-2">
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-base font-semibold text-slate-800">
          {t("calendar")}: <span data-testid="calendar-month">{title}</span>
        </h2>
        <div className="flex gap-2">
          <Link href={`/?maaned=${shiftMonth(month, -1)}`} scroll={false} className={secondaryButtonClass}>
            ‹ <span className="sr-only">{t("previousMonth")}</span>
          </Link>
          <Link href={`/?maaned=${shiftMonth(month, 1)}`} scroll={false} className={secondaryButtonClass}>
            › <span className="sr-only">{t("nextMonth")}</span>
          </Link>
        </div>
      </div>
      <div className="grid grid-cols-7 gap-px overflow-hidden rounded border border-slate-200 bg-slate-200 text-xs">
        {t("weekdays")
          .split(",")
          .map((d) => (
            <div key={d} className="bg-slate-50 px-1 py-1 text-center font-medium text-slate-600">
              {d}
            </div>
          ))}
        {cells.map((day, i) => {
          if (day === null) return <div key={`e${i}`} className="min-h-20 bg-white" />;
          const date = `${month}-${String(day).padStart(2, "0")}`;
          const events = all.filter((e) => e.date === date);
          return (
            <div
              key={date}
              className={`min-h-20 bg-white p-1 ${date === today ? "ring-2 ring-inset ring-blue-500" : ""}`}
              data-testid={`calendar-day-${date}`}
            >
              <div className="mb-0.5 text-right text-slate-500">{day}</div>
              <ul className="space-y-0.5">
                {events.map((e) => (
                  <li key={`${e.type}-${e.milestone}-${e.hearingId}`}>
                    <Link
                      href={`/horinger/${e.hearingId}`}
                      title={e.title}
                      // At least 24 px high: WCAG 2.2's target size (2.5.8).
                      className={`block min-h-6 truncate rounded px-1 leading-6 ${
                        e.type === "deadline"
                          ? "bg-blue-100 font-medium text-blue-900"
                          : e.late
                            ? "bg-red-100 text-red-900"
                            : e.done
                              ? "bg-emerald-50 text-emerald-800 line-through"
                              : "bg-slate-100 text-slate-800"
                      }`}
                    >
                      <span className="sr-only">{dayName.format(new Date(`${date}T00:00:00Z`))}: </span>
                      {e.type === "deadline" || !e.milestone
                        ? t("deadline")
                        : domain(milestoneLabelKey(e.milestone))}
                      : {e.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
