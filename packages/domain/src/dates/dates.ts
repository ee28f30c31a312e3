/**
 * Dates in Europe/Oslo. A deadline (høringsfrist) is a calendar date, kept as "YYYY-MM-DD" in the domain and as a
 * Postgres `date` (a JS Date at UTC midnight) in the database. Timestamps are instants, shown in Oslo time.
 *
 * Browser-safe and small (the pages load it): the wall clock in Oslo comes from the platform's time-zone data, as
 * numbers only, and month names from the tables below, so that the server, the worker and the browser write the
 * same text whatever their locale data.
 */

export const TIME_ZONE = "Europe/Oslo";

export type DateOnly = string; // "YYYY-MM-DD"

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const MONTHS = {
  nb: "januar februar mars april mai juni juli august september oktober november desember".split(" "),
  en: "January February March April May June July August September October November December".split(" "),
};

const osloClock = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
  numberingSystem: "latn",
});

/** The wall clock in Oslo at an instant, as numbers. */
function inOslo(at: Date) {
  const n: Record<string, number> = {};
  for (const p of osloClock.formatToParts(at)) if (p.type !== "literal") n[p.type] = Number(p.value);
  return { year: n.year!, month: n.month!, day: n.day!, hour: n.hour!, minute: n.minute! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The calendar date in Oslo at the given instant. */
export function osloDate(at: Date): DateOnly {
  const o = inOslo(at);
  return `${pad(o.year, 4)}-${pad(o.month)}-${pad(o.day)}`;
}

export function dateOnlyToDb(d: DateOnly): Date {
  return new Date(`${d}T00:00:00.000Z`);
}

export function dbToDateOnly(d: Date): DateOnly {
  return d.toISOString().slice(0, 10);
}

/** A calendar date `days` later (earlier when negative): plain days, as a date has no time of day to shift. */
export function addDaysToDateOnly(d: DateOnly, days: number): DateOnly {
  return dbToDateOnly(new Date(dateOnlyToDb(d).getTime() + days * 86_400_000));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateOnly, to: DateOnly): number {
  return Math.round((dateOnlyToDb(to).getTime() - dateOnlyToDb(from).getTime()) / 86_400_000);
}

/** The Sunday that ends the ISO week (Monday to Sunday) of a date. */
export function endOfIsoWeek(d: DateOnly): DateOnly {
  const weekday = dateOnlyToDb(d).getUTCDay(); // 0 is Sunday
  return addDaysToDateOnly(d, weekday === 0 ? 0 : 7 - weekday);
}

/** The last day of a date's month. */
export function endOfMonth(d: DateOnly): DateOnly {
  const [year, month] = d.split("-").map(Number) as [number, number];
  return dbToDateOnly(new Date(Date.UTC(year, month, 0)));
}

export function isValidDateOnly(s: string): boolean {
  if (!DATE_ONLY.test(s)) return false;
  const d = dateOnlyToDb(s);
  return !Number.isNaN(d.getTime()) && dbToDateOnly(d) === s;
}

export type Locale = "nb" | "en";

function dayMonthYear(year: number, month: number, day: number, locale: Locale) {
  const name = MONTHS[locale][month - 1];
  return locale === "nb" ? `${day}. ${name} ${year}` : `${day} ${name} ${year}`;
}

/** "20. november 2025" (nb) or "20 November 2025" (en). */
export function formatDate(d: DateOnly, locale: Locale = "nb"): string {
  const [year, month, day] = d.split("-").map(Number) as [number, number, number];
  return dayMonthYear(year, month, day, locale);
}

/**
 * A date that `formatDate` wrote in Norwegian («28. desember 2026», as notifications store them) in `locale`;
 * any other text as it is.
 */
export function relocalizeDate(text: string, locale: Locale): string {
  if (locale === "nb") return text;
  const m = /^(\d{1,2})\. (\p{Ll}+) (\d{4})$/u.exec(text);
  const month = m ? MONTHS.nb.indexOf(m[2]!) : -1;
  return m && month >= 0 ? dayMonthYear(Number(m[3]), month + 1, Number(m[1]), locale) : text;
}

/** An instant in Oslo time: "20. november 2025 kl. 14:05" (nb) or "20 November 2025, 14:05" (en). */
export function formatDateTime(at: Date, locale: Locale = "nb"): string {
  const o = inOslo(at);
  const date = dayMonthYear(o.year, o.month, o.day, locale);
  return `${date}${locale === "nb" ? " kl." : ","} ${pad(o.hour)}:${pad(o.minute)}`;
}
