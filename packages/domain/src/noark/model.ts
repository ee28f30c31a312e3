/** The archive's view of a closed hearing case: saksmappe, journalposter, documents and changes, as plain data. */
import { TZDate } from "@date-fns/tz";
import { TIME_ZONE, type DateOnly } from "../dates";
import { type ArchiveFormat } from "./formats";

export interface Note {
  text: string;
  at: Date;
  by: string;
}

export interface DocumentFile {
  systemID: string;
  path: string;
  bytes: Buffer;
  sha256: string;
  format: ArchiveFormat;
  createdAt: Date;
  createdBy: string;
}

export interface CaseDocument {
  systemID: string;
  title: string;
  role: "Hoveddokument" | "Vedlegg";
  number: number;
  createdAt: Date;
  createdBy: string;
  /** Null when the file is not in an archive format, or Innspill does not hold it; `notes` says why. */
  file: DocumentFile | null;
  notes: Note[];
}

export interface Registry {
  systemID: string;
  /** 1 for the incoming hearing letter, 2 for the answer. */
  number: number;
  type: "Inngående dokument" | "Utgående dokument";
  title: string;
  createdAt: Date;
  createdBy: string;
  archivedAt: Date;
  archivedBy: string;
  journalDate: DateOnly;
  documentDate: DateOnly | null;
  receivedAt: string | null;
  sentAt: string | null;
  due: DateOnly | null;
  authors: string[];
  party: { type: "Avsender" | "Mottaker"; name: string };
  writeOff: { date: DateOnly; by: string; how: string; answeredBy: string | null } | null;
  documents: CaseDocument[];
  notes: Note[];
  /** Filled in by numbering: year and sequence in the organisation's journal. */
  journalYear: number;
  journalSeq: number;
}

export interface Change {
  unit: string;
  field: string;
  from: string;
  to: string;
  at: Date;
  by: string;
}

export interface NoarkCase {
  systemID: string;
  title: string;
  description: string | null;
  caseDate: DateOnly;
  createdAt: Date;
  createdBy: string;
  closedAt: Date;
  closedBy: string;
  unit: string;
  responsible: string;
  registrations: Registry[];
  changes: Change[];
  /** Filled in by numbering. */
  caseYear: number;
  caseSeq: number;
}

/** A date without a time as an instant: the start of that day in Oslo. */
export function startOfOsloDay(d: DateOnly): string {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, day, 0, 0, 0, TIME_ZONE).toISOString().replace(/\.000/, "");
}

const instant = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, "Z");
export { instant };
