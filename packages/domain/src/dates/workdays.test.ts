import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysToDateOnly, type DateOnly } from "./dates";
import { planMilestoneMoves, planMilestones, MILESTONE_KINDS } from "../hearings/milestones";
import { isWorkingDay, publicHolidays, subtractWorkingDays, workingDaysBetween } from "./workdays";

// Known dates, from the official calendars (Easter: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16).
const KNOWN: Record<number, string[]> = {
  2024: [
    "01-01",
    "03-28",
    "03-29",
    "03-31",
    "04-01",
    "05-01",
    "05-09",
    "05-17",
    "05-19",
    "05-20",
    "12-25",
    "12-26",
  ],
  2025: [
    "01-01",
    "04-17",
    "04-18",
    "04-20",
    "04-21",
    "05-01",
    "05-17",
    "05-29",
    "06-08",
    "06-09",
    "12-25",
    "12-26",
  ],
  2026: [
    "01-01",
    "04-02",
    "04-03",
    "04-05",
    "04-06",
    "05-01",
    "05-14",
    "05-17",
    "05-24",
    "05-25",
    "12-25",
    "12-26",
  ],
  2027: ["01-01", "03-25", "03-26", "03-28", "03-29", "05-01", "05-06", "05-16", "05-17", "12-25", "12-26"],
  2028: [
    "01-01",
    "04-13",
    "04-14",
    "04-16",
    "04-17",
    "05-01",
    "05-17",
    "05-25",
    "06-04",
    "06-05",
    "12-25",
    "12-26",
  ],
};
// 2027: Kristi himmelfartsdag is 6 May; 1. pinsedag 16 May and 2. pinsedag 17 May (same day as Grunnlovsdagen).

describe("Norwegian public holidays", () => {
  for (const [year, days] of Object.entries(KNOWN)) {
    it(`are right for ${year}`, () => {
      const expected = [...new Set(days.map((d) => `${year}-${d}`))].sort();
      expect([...publicHolidays(Number(year)).keys()].sort()).toEqual(expected);
    });
  }

  it("are not working days; ordinary weekdays are", () => {
    expect(isWorkingDay("2026-05-14")).toBe(false); // Kristi himmelfartsdag
    expect(isWorkingDay("2026-05-15")).toBe(true);
    expect(isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-24")).toBe(true); // julaften is not a public holiday
  });
});

describe("subtractWorkingDays", () => {
  it("skips weekends and Easter", () => {
    // Deadline Tuesday 7 April 2026: 2.–6. April are skjærtorsdag, langfredag, the weekend and 2. påskedag,
    // so one working day back is Wednesday 1 April.
    expect(subtractWorkingDays("2026-04-07", 1)).toBe("2026-04-01");
    expect(subtractWorkingDays("2026-11-30", 1)).toBe("2026-11-27"); // Monday → Friday
    expect(subtractWorkingDays("2026-11-28", 0)).toBe("2026-11-27"); // a Saturday deadline → Friday
    expect(workingDaysBetween("2026-04-01", "2026-04-07")).toBe(1);
  });
});

const dateArb = fc
  .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10) as DateOnly);
const offsetsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 })
  .map((xs) => [...xs].sort((a, b) => b - a))
  .map(([a, b, c, d]) => ({ UTKAST: a!, GJENNOMGANG: b!, GODKJENNING: c!, SIGNERING: d! }));

describe("milestones (property tests)", () => {
  it("never land on a weekend or a public holiday", () => {
    fc.assert(
      fc.property(dateArb, offsetsArb, (deadline, offsets) =>
        planMilestones(deadline, offsets).every((m) => isWorkingDay(m.dueDate)),
      ),
    );
  });

  it("keep their order and stay on or before the deadline", () => {
    fc.assert(
      fc.property(dateArb, offsetsArb, (deadline, offsets) => {
        const dates = planMilestones(deadline, offsets).map((m) => m.dueDate);
        for (let i = 1; i < dates.length; i++) if (!(dates[i - 1]! < dates[i]!)) return false;
        return dates.every((d) => d <= deadline);
      }),
    );
  });

  it("are exactly their offset in working days before the deadline (when the deadline is a working day)", () => {
    fc.assert(
      fc.property(dateArb.filter(isWorkingDay), offsetsArb, (deadline, offsets) =>
        planMilestones(deadline, offsets).every(
          (m) => workingDaysBetween(m.dueDate, deadline) === m.offsetDays,
        ),
      ),
    );
  });

  it("move with the deadline only when not done", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: -20, max: 40 }),
        offsetsArb,
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (deadline, shift, offsets, done) => {
          const current = planMilestones(deadline, offsets).map((m, i) => ({
            ...m,
            id: `m${i}`,
            done: done[i]!,
          }));
          const newDeadline = addDaysToDateOnly(deadline, shift);
          const moves = planMilestoneMoves(current, newDeadline);
          const moved = new Set(moves.map((m) => m.id));
          return current.every((m) => {
            const expected = subtractWorkingDays(newDeadline, m.offsetDays);
            if (m.done) return !moved.has(m.id);
            const move = moves.find((x) => x.id === m.id);
            return move ? move.from === m.dueDate && move.to === expected : m.dueDate === expected;
          });
        },
      ),
    );
  });

  it("cover every kind once", () => {
    expect(
      planMilestones("2026-12-15", { UTKAST: 10, GJENNOMGANG: 7, GODKJENNING: 3, SIGNERING: 1 }).map(
        (m) => m.kind,
      ),
    ).toEqual([...MILESTONE_KINDS]);
  });
});
