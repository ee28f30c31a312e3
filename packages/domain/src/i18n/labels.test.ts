import { describe, expect, it } from "vitest";
import { MilestoneKind } from "@innspill/db/enums";
import { localizeParams, milestoneLabel } from "./labels";
import { domainMessages } from "./messages";

describe("milestone labels", () => {
  it("every milestone kind has a name of its own in Norwegian and English", () => {
    const kinds = Object.values(MilestoneKind);
    expect(kinds.length).toBeGreaterThanOrEqual(4);
    for (const locale of ["nb", "en"] as const) {
      const names = kinds.map((k) => milestoneLabel(k, locale));
      for (const name of names) expect(name).toMatch(/^\p{Lu}\p{Ll}+$/u);
      expect(new Set(names).size).toBe(kinds.length);
    }
    expect(milestoneLabel("GODKJENNING")).toBe("Godkjenning");
    expect(milestoneLabel("GODKJENNING", "en")).toBe("Approval");
  });

  it("no message picks a milestone's name itself (a new kind would get the fallback's name)", () => {
    for (const messages of Object.values(domainMessages))
      for (const text of Object.values(messages)) expect(text).not.toMatch(/select,[^}]*UTKAST/);
  });

  it("gives a stored Norwegian date in the reader's language, in values and in moved milestones", () => {
    expect(
      localizeParams(
        {
          deadline: "28. desember 2026",
          title: "Høring 1. mai 2026",
          moves: [{ kind: "UTKAST", from: "1. mars 2027", to: "3. mars 2027" }],
        },
        "en",
      ),
    ).toEqual({
      deadline: "28 December 2026",
      title: "Høring 1. mai 2026",
      moves: "• Draft: 1 March 2027 → 3 March 2027",
    });
    expect(localizeParams({ deadline: "28. desember 2026" }, "nb")).toEqual({
      deadline: "28. desember 2026",
    });
  });

  it("names a stored kind in the reader's language and leaves other values as they are", () => {
    expect(localizeParams({ milestone: "SIGNERING", days: 2, title: "UTKAST" }, "en")).toEqual({
      milestone: "Signing",
      days: 2,
      title: "UTKAST",
    });
  });
});
