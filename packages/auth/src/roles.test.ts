import { describe, expect, it } from "vitest";
import { navFor } from "./roles";

describe("navigation by role", () => {
  it("shows Admin to administrators only", () => {
    expect(navFor("ADMIN").map((i) => i.key)).toContain("admin");
    expect(navFor("ADVISER").map((i) => i.key)).not.toContain("admin");
    expect(navFor("LEADER").map((i) => i.key)).not.toContain("admin");
  });
  it("shows the work sections to every role", () => {
    for (const role of ["ADVISER", "LEADER", "ADMIN"] as const) {
      expect(navFor(role).map((i) => i.key)).toEqual(
        expect.arrayContaining(["overview", "hearings", "positions", "blocks", "submissions"]),
      );
    }
  });
});
