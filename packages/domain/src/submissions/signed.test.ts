import { describe, expect, it } from "vitest";
import { auditTrailLines } from "./signed";

describe("the audit trail in words", () => {
  const name = new Map([
    ["u1", "Ingrid Solberg"],
    ["u2", "Kaja Marienborg"],
  ]);
  const at = (min: number) => new Date(Date.UTC(2026, 10, 30, 9, min));
  const ev = (action: string, actorId: string | null, min: number, data: unknown = {}) => ({
    action,
    actorId,
    createdAt: at(min),
    data,
  });

  it("writes one «Redigert» line for one person's edits within an hour, and every event in Norwegian", () => {
    const lines = auditTrailLines(
      [
        ev("submission.created", "u1", 0),
        ev("submission.saved", "u1", 1),
        ev("submission.saved", "u1", 20),
        ev("submission.saved", "u1", 59),
        ev("submission.saved", "u2", 59),
        ev("submission.transitioned", "u1", 59, { to: "IN_REVIEW" }),
        ev("submission.saved", "u1", 59),
        ev("submission.someFutureEvent", null, 59),
      ],
      name,
    );
    expect(lines.map((l) => l.replace(/^.*?: /, ""))).toEqual([
      "Innspillet ble opprettet – Ingrid Solberg",
      "Redigert – Ingrid Solberg",
      "Redigert – Kaja Marienborg",
      "Status endret (til gjennomgang) – Ingrid Solberg",
      "Redigert – Ingrid Solberg",
      "Annen hendelse",
    ]);
  });

  it("starts a new «Redigert» line after an hour without edits", () => {
    const lines = auditTrailLines(
      [
        ev("submission.saved", "u1", 0),
        { ...ev("submission.saved", "u1", 0), createdAt: new Date(at(0).getTime() + 61 * 60_000) },
      ],
      name,
    );
    expect(lines).toHaveLength(2);
  });
});
