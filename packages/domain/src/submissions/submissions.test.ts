import { describe, expect, it } from "vitest";
import { defaultLetterTitle } from "./submissions";

describe("the letter's first title", () => {
  it("names the kind once", () => {
    expect(defaultLetterTitle("HORING", "Høring – Helsepersonellplan 2040")).toBe(
      "Høringssvar – Helsepersonellplan 2040",
    );
    expect(defaultLetterTitle("HORING", "Høring: endringer i fagskoleloven")).toBe(
      "Høringssvar – endringer i fagskoleloven",
    );
    expect(defaultLetterTitle("HORING", "Høring om endringer i fagskoleloven")).toBe(
      "Høringssvar om endringer i fagskoleloven",
    );
    expect(defaultLetterTitle("INNSPILL", "Anmodning om innspill til statsbudsjettet 2027")).toBe(
      "Innspill til statsbudsjettet 2027",
    );
    expect(defaultLetterTitle("HORING", "NOU 2026: 3 Framtidens kompetansebehov")).toBe(
      "Høringssvar – NOU 2026: 3 Framtidens kompetansebehov",
    );
    expect(defaultLetterTitle("HORING", "Høringsinnspill er ikke et prefiks")).toBe(
      "Høringssvar – Høringsinnspill er ikke et prefiks",
    );
  });
});
