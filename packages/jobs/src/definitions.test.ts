import { describe, expect, it } from "vitest";
import { allJobs, markOverdueHearingsJob, queueName } from "./definitions";

describe("job definitions", () => {
  it("have unique, versioned queue names", () => {
    const names = allJobs.map(queueName);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z.-]+\.v\d+$/);
  });

  it("validate payloads strictly", () => {
    expect(markOverdueHearingsJob.schema.safeParse({}).success).toBe(true);
    expect(markOverdueHearingsJob.schema.safeParse({ now: "2026-11-23T23:00:00Z" }).success).toBe(true);
    expect(markOverdueHearingsJob.schema.safeParse({ now: "i morgen" }).success).toBe(false);
    expect(markOverdueHearingsJob.schema.safeParse({ extra: 1 }).success).toBe(false);
  });
});
