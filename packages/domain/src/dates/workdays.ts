/**
 * Norwegian working days: Monday to Friday, except the public holidays (helligdager) computed for any year by
 * `date-holidays` (nyttårsdag, skjærtorsdag, langfredag, 1. og 2. påskedag, 1. mai, 17. mai, Kristi
 * himmelfartsdag, 1. og 2. pinsedag, 1. og 2. juledag).
 */
import Holidays from "date-holidays";
import { addDaysToDateOnly, dateOnlyToDb, type DateOnly } from "./dates";

const norway = new Holidays("NO");
const cache = new Map<number, Map<DateOnly, string>>();

/** Public holidays of a year: date → Norwegian name. */
export function publicHolidays(year: number): Map<DateOnly, string> {
  let days = cache.get(year);
  if (!days) {
    days = new Map(
      norway
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    cache.set(year, days);
  }
  return days;
}

function isHoliday(d: DateOnly): boolean {
  return publicHolidays(Number(d.slice(0, 4))).has(d);
}

export function isWorkingDay(d: DateOnly): boolean {
  const weekday = dateOnlyToDb(d).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(d);
}

/**
 * The date `n` working days before `d`. With n = 0: `d` itself if it is a working day, otherwise the working day
 * before it.
 */
export function subtractWorkingDays(d: DateOnly, n: number): DateOnly {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = d;
  while (!isWorkingDay(day)) day = addDaysToDateOnly(day, -1);
  for (let left = n; left > 0;) {
    day = addDaysToDateOnly(day, -1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** Working days from `from` (exclusive) up to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: DateOnly, to: DateOnly): number {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  let count = 0;
  for (let day = from; day !== to;) {
    day = addDaysToDateOnly(day, sign);
    if (isWorkingDay(day)) count += sign;
  }
  return count;
}
