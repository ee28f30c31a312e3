import type { SubmissionWarning } from "@innspill/domain/shared";

type Kind = SubmissionWarning["kind"];
type Of<K extends Kind> = Extract<SubmissionWarning, { kind: K }>;

/** A consistency warning's text: its message key under `submissions` and the values the message takes. */
export interface WarningMessage {
  key: string;
  values: Record<string, string | number>;
}

/**
 * Every warning kind's text, in one place (the composer's panel and the approval page both say it this way). A new
 * kind does not compile until it has its entry here; `warning-text.test.ts` checks each has a text in nb and en.
 */
const TEXTS: { [K in Kind]: (w: Of<K>) => WarningMessage } = {
  factMissing: (w) => ({ key: "warnFactMissing", values: { label: w.label ?? w.key } }),
  factStale: (w) => ({ key: "warnFactStale", values: { label: w.label } }),
  positionRetired: (w) => ({ key: "warnRetired", values: { statement: w.statement, n: w.section + 1 } }),
  blockOutdated: (w) => ({
    key: w.local ? "warnOutdatedLocal" : "warnOutdated",
    values: { heading: w.heading, pinned: w.pinned, latest: w.latest },
  }),
  localEditDiverges: (w) => ({
    key: "warnDiverges",
    values: { heading: w.heading, n: w.section + 1, score: Math.round(w.score * 100) },
  }),
  figureContradictsFact: (w) => ({
    key: "warnFigure",
    values: { typed: w.typed, label: w.label, current: w.current, n: w.section + 1 },
  }),
  signatoryNoTitle: (w) => ({ key: "warnNoTitle", values: { name: w.name, date: w.date } }),
  noSignatories: () => ({ key: "warnNoSignatories", values: {} }),
  noSections: () => ({ key: "warnNoSections", values: {} }),
};

export function warningMessage(w: SubmissionWarning): WarningMessage {
  return (TEXTS[w.kind] as (w: SubmissionWarning) => WarningMessage)(w);
}
