/**
 * The document model of a letter: what every renderer (HTML, DOCX, PDF) draws, and nothing else. Built by
 * `assemble()` from a submission snapshot; plain data, so it can travel to Typst as JSON.
 */
export type Run =
  | { kind: "text"; text: string; bold?: boolean; italic?: boolean; href?: string }
  | {
      kind: "footnote";
      number: number;
      text: string;
      url?: string;
      /** A second reference to an earlier footnote with the same text: it reuses that number. */
      repeat?: boolean;
    }
  | { kind: "break" };

export type DocBlock =
  | { kind: "paragraph"; runs: Run[] }
  | { kind: "bullets"; items: Run[][] }
  | { kind: "positions"; intro: string; items: Run[][] };

export interface DocSection {
  heading: string | null;
  blocks: DocBlock[];
}

/** The letter templates released (pdf.ts); a letter keeps the version its snapshot names. */
export type TemplateVersion = 1 | 2 | 3;
/** What new letters get. */
export const LATEST_TEMPLATE_VERSION: TemplateVersion = 3;

export interface DocumentModel {
  /** The template the letter is rendered with: the version its snapshot names (1 for snapshots without one). */
  templateVersion: TemplateVersion;
  letterhead: {
    organisation: string;
    unit: string | null;
    address: string | null;
    /** The organisation's contact line(s) at the foot of every page (letter settings); null for none. */
    footer: string | null;
    /** The organisation's logo (letter settings), its image as base64 when the letter is rendered; null for none. */
    logo: LetterLogo | null;
  };
  /** "Oslo, 20. november 2025" */
  placeAndDate: string;
  /** "YYYY-MM-DD", the letter's date (also the PDF's creation date, for reproducible bytes). */
  date: string;
  /** The recipient: the name, then any address lines (one per line). */
  recipient: string | null;
  references: { label: string; value: string }[];
  /** The person to contact about the letter (template 3 on; null before): the hearing's responsible adviser. */
  contact: { name: string; email: string | null } | null;
  title: string;
  sections: DocSection[];
  closing: string;
  signatories: { name: string; title: string | null; note: string | null }[];
  /** All footnotes of the letter, numbered in reading order. */
  footnotes: { number: number; text: string; url?: string }[];
  /** Only in the final, signed document. */
  signing?: SigningInfo;
}

export interface LetterLogo {
  mediaType: "image/png" | "image/jpeg";
  /** Pixels, for the aspect ratio. */
  width: number;
  height: number;
  /** The image, base64: filled in from the stored file before rendering (the snapshot names it by hash). */
  data?: string;
}

export interface SigningInfo {
  /** Per signatory, in order: "Elektronisk godkjent 24. november 2026". */
  lines: string[];
  /** The appended verification page. */
  verification: {
    heading: string;
    intro: string;
    facts: { label: string; value: string }[];
  };
}
