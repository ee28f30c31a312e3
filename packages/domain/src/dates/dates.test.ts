import { describe, expect, it } from "vitest";
import {
  addDaysToDateOnly,
  daysBetween,
  endOfIsoWeek,
  endOfMonth,
  formatDate,
  formatDateTime,
  isValidDateOnly,
  osloDate,
} from "./dates";

describe("osloDate", () => {
  it("switches date at midnight in Oslo, not in UTC", () => {
    expect(osloDate(new Date("2025-11-19T22:59:59Z"))).toBe("2025-11-19");
    expect(osloDate(new Date("2025-11-19T23:00:00Z"))).toBe("2025-11-20");
  });
  it("follows summer time", () => {
    expect(osloDate(new Date("2026-07-01T21:59:59Z"))).toBe("2026-07-01");
    expect(osloDate(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });
});

describe("formatting", () => {
  it("writes dates the Norwegian way", () => {
    expect(formatDate("2025-11-20")).toBe("20. november 2025");
    expect(formatDate("2025-11-20", "en")).toBe("20 November 2025");
  });
  it("shows instants in Oslo time", () => {
    expect(formatDateTime(new Date("2025-11-20T13:05:00Z"))).toBe("20. november 2025 kl. 14:05");
    expect(formatDateTime(new Date("2026-07-01T22:30:00Z"), "en")).toBe("2 July 2026, 00:30");
    expect(formatDateTime(new Date("2026-03-01T23:00:00Z"))).toBe("2. mars 2026 kl. 00:00");
  });
  it("names every month as before (the letters' dates must not change)", () => {
    expect(
      Array.from({ length: 12 }, (_, m) => formatDate(`2026-${String(m + 1).padStart(2, "0")}-01`)),
    ).toEqual(
      "januar februar mars april mai juni juli august september oktober november desember"
        .split(" ")
        .map((name) => `1. ${name} 2026`),
    );
    expect(formatDate("2026-05-09", "en")).toBe("9 May 2026");
  });
});

describe("date-only helpers", () => {
  it("validates real calendar dates only", () => {
    expect(isValidDateOnly("2028-02-29")).toBe(true);
    expect(isValidDateOnly("2027-02-29")).toBe(false);
    expect(isValidDateOnly("20.11.2025")).toBe(false);
  });
  it("counts days across a DST change", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(addDaysToDateOnly("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDaysToDateOnly("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDaysToDateOnly("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-01-10", "2026-01-01")).toBe(-9);
  });
});

describe("week and month ends", () => {
  it("ends an ISO week on its Sunday, across months and years", () => {
    expect(endOfIsoWeek("2026-11-30")).toBe("2026-12-06"); // a Monday
    expect(endOfIsoWeek("2026-12-02")).toBe("2026-12-06");
    expect(endOfIsoWeek("2026-12-06")).toBe("2026-12-06"); // the Sunday itself
    expect(endOfIsoWeek("2026-12-31")).toBe("2027-01-03");
  });

  it("ends a month on its last day, February in leap years too", () => {
    expect(endOfMonth("2026-12-01")).toBe("2026-12-31");
    expect(endOfMonth("2026-11-15")).toBe("2026-11-30");
    expect(endOfMonth("2024-02-01")).toBe("2024-02-29");
    expect(endOfMonth("2100-02-10")).toBe("2100-02-28");
  });
});
