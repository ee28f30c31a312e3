import { describe, expect, it } from "vitest";
import { AppError } from "../common/errors";
import { parseInput } from "../common/validation";
import { HEARING_PAGE, OPEN_STATUSES } from "./constants";
import { hearingFields, listHearingsInput } from "./schemas";

const valid = {
  title: "  Høring – ny forskrift  ",
  issuingBodyId: "6c1b3a52-6a0b-4d4e-9a2e-1f1d2c3b4a59",
  kind: "HORING",
  deadline: "2027-01-15",
  theirReference: "",
  url: "",
  responsibleId: "",
};

function fieldErrors(input: unknown) {
  try {
    parseInput(hearingFields, input);
  } catch (err) {
    if (err instanceof AppError) return err.fieldErrors;
    throw err;
  }
  return undefined;
}

describe("hearingFields", () => {
  it("trims text and turns empty optional fields into null", () => {
    const out = parseInput(hearingFields, valid);
    expect(out.title).toBe("Høring – ny forskrift");
    expect(out.theirReference).toBeNull();
    expect(out.url).toBeNull();
    expect(out.responsibleId).toBeNull();
    expect(out.receivedDate).toBeNull();
  });

  it("gives one message key per bad field", () => {
    expect(fieldErrors({ ...valid, title: " ", deadline: "2027-02-30", url: "ftp:/x" })).toEqual({
      title: ["required"],
      deadline: ["invalidDate"],
      url: ["invalidUrl"],
    });
  });

  it("refuses a deadline before the received date", () => {
    expect(fieldErrors({ ...valid, receivedDate: "2027-02-01" })).toEqual({
      deadline: ["deadlineBeforeReceived"],
    });
  });

  it("accepts its own output again (the API and the domain both parse)", () => {
    const once = parseInput(hearingFields, valid);
    expect(parseInput(hearingFields, once)).toEqual(once);
  });
});

describe("listHearingsInput", () => {
  it("defaults to the first page of open hearings sorted by deadline", () => {
    expect(parseInput(listHearingsInput, undefined)).toEqual({
      sort: "deadline_asc",
      includeClosed: false,
      deadlineFrom: null,
      deadlineTo: null,
      limit: HEARING_PAGE,
    });
    expect(OPEN_STATUSES).not.toContain("SENDT");
    expect(OPEN_STATUSES).not.toContain("SVARER_IKKE");
    expect(OPEN_STATUSES).toContain("TIL_SIGNERING");
  });
});
