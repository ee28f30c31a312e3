import { describe, expect, it } from "vitest";
import { deliverEmailJob, markOverdueHearingsJob, renderSubmissionJob } from "@innspill/jobs";
import { jobDoneLevel } from "./job-log";

describe("the level of a finished job's log line", () => {
  it("is debug for a scheduled run that did nothing, info when it did something", () => {
    expect(jobDoneLevel(deliverEmailJob, { sent: 0, failed: 0 })).toBe("debug");
    expect(
      jobDoneLevel(deliverEmailJob, { skipped: "SMTP_URL er ikke satt; e-postene ligger i utboksen" }),
    ).toBe("debug");
    expect(jobDoneLevel(markOverdueHearingsJob, { marked: 0, today: "2026-12-02" })).toBe("debug");
    expect(jobDoneLevel(deliverEmailJob, { sent: 0, failed: 1 })).toBe("info");
    expect(jobDoneLevel(markOverdueHearingsJob, { marked: 1, today: "2026-12-02" })).toBe("info");
  });

  it("is info for every job a user asked for, whatever it returned", () => {
    expect(jobDoneLevel(renderSubmissionJob, undefined)).toBe("info");
    expect(jobDoneLevel(renderSubmissionJob, { reused: 0 })).toBe("info");
  });
});
