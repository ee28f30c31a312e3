/**
 * Dates in Europe/Oslo. A deadline (høringsfrist) is a calendar date, kept as "YYYY-MM-DD" in the domain and as a
 * Postgres `date` (a JS Date at UTC midnight) in the database. Timestamps are instants, shown in Oslo time.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, format, parseISO } from "date-fns";
import { nb, enGB } from "date-fns/locale";

export const TIME_ZONE = "Europe/Oslo";

export type DateOnly = string; // "YYYY-MM-DD"

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date in Oslo at the given instant. */
export function osloDate(at: Date): DateOnly {
  return format(new TZDate(at, TIME_ZONE), "yyyy-MM-dd");
}

export function dateOnlyToDb(d: DateOnly): Date {
  return new Date(`${d}T00:00:00.000Z`);
}

export function dbToDateOnly(d: Date): DateOnly {
  return d.toISOString().slice(0, 10);
}

export function addDaysToDateOnly(d: DateOnly, days: number): DateOnly {
  return format(addDays(parseISO(d), days), "yyyy-MM-dd");
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateOnly, to: DateOnly): number {
  return Math.round((dateOnlyToDb(to).getTime() - dateOnlyToDb(from).getTime()) / 86_400_000);
}

export function isValidDateOnly(s: string): boolean {
  if (!DATE_ONLY.test(s)) return false;
  const d = dateOnlyToDb(s);
  return !Number.isNaN(d.getTime()) && dbToDateOnly(d) === s;
}

export type Locale = "nb" | "en";

/** "20. november 2025" (nb) or "20 November 2025" (en). */
export function formatDate(d: DateOnly, locale: Locale = "nb"): string {
  return format(parseISO(d), locale === "nb" ? "d. MMMM yyyy" : "d MMMM yyyy", {
    locale: locale === "nb" ? nb : enGB,
  });
}

/** An instant in Oslo time: "20. november 2025 kl. 14:05". */
export function formatDateTime(at: Date, locale: Locale = "nb"): string {
  const z = new TZDate(at, TIME_ZONE);
  return locale === "nb"
    ? format(z, "d. MMMM yyyy 'kl.' HH:mm", { locale: nb })
    : format(z, "d MMMM yyyy, HH:mm", { locale: enGB });
}
