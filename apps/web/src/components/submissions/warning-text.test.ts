import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { SubmissionWarning } from "@innspill/domain/shared";
import en from "../../messages/en.json";
import nb from "../../messages/nb.json";
import { warningMessage } from "./warning-text";

/** One warning of every kind (a new kind does not compile until it is added here). */
const SAMPLES: { [K in SubmissionWarning["kind"]]: Extract<SubmissionWarning, { kind: K }>[] } = {
  factMissing: [
    { kind: "factMissing", key: "members", label: "Medlemmer" },
    { kind: "factMissing", key: "members", label: null },
  ],
  factStale: [{ kind: "factStale", key: "members", label: "Medlemmer" }],
  positionRetired: [
    { kind: "positionRetired", section: 0, positionId: "p", statement: "Gammelt", replacement: null },
  ],
  blockOutdated: [false, true].map((local) => ({
    kind: "blockOutdated" as const,
    section: 1,
    blockId: "b",
    heading: "Kompetanse",
    pinned: 1,
    latest: 2,
    latestVersionId: "v",
    local,
  })),
  localEditDiverges: [{ kind: "localEditDiverges", section: 2, heading: "Lønn", score: 0.42, diff: [] }],
  figureContradictsFact: [
    {
      kind: "figureContradictsFact",
      section: 0,
      key: "m",
      label: "Medlemmer",
      typed: "90 000",
      current: "100 000",
    },
  ],
  signatoryNoTitle: [{ kind: "signatoryNoTitle", signatoryId: "s", name: "Kari Leder", date: "2026-03-01" }],
  noSignatories: [{ kind: "noSignatories" }],
  noSections: [{ kind: "noSections" }],
};

describe("warning texts", () => {
  for (const [locale, messages] of [
    ["nb", nb],
    ["en", en],
  ] as const) {
    it(`every warning kind has a text in ${locale}, with its values filled in`, () => {
      const t = createTranslator({ locale, messages, namespace: "submissions" });
      for (const [kind, samples] of Object.entries(SAMPLES)) {
        for (const w of samples as SubmissionWarning[]) {
          const { key, values } = warningMessage(w);
          expect(t.has(key as never), `${locale}: ${kind} → submissions.${key}`).toBe(true);
          const text = t(key as never, values as never);
          expect(text, `${locale}: ${kind}`).not.toContain("{");
          expect(text).not.toBe(`submissions.${key}`);
          for (const v of Object.values(values)) expect(text).toContain(String(v));
        }
      }
    });
  }
});
