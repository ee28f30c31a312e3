/** The archive's view of a closed hearing case: saksmappe, journalposter, documents and changes, as plain data. */
import { TZDate } from "@date-fns/tz";
import { TIME_ZONE, type DateOnly } from "../dates/dates";
import { type ArchiveFormat } from "./formats";

export interface Note {
  text: string;
  at: Date;
  by: string;
}

interface DocumentFile {
  systemID: string;
  path: string;
  size: number;
  sha256: string;
  format: ArchiveFormat;
  createdAt: Date;
  createdBy: string;
  /** Reads the file's bytes when the package is written: one document in memory at a time. */
  load: () => Promise<Buffer>;
  /** When the archive copy was made from another format: the original's format and checksum. */
  conversion: { at: Date; from: string; fromSha256: string } | null;
}

export interface CaseDocument {
  systemID: string;
  title: string;
  /** dokumenttype: «Brev», or what the document is when it is not a letter (the signing log). */
  type: string;
  description: string | null;
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
  party: { type: "Avsender" | "Mottaker"; name: string; email: string | null };
  /** The title the public journal shows when the case is screened. */
  publicTitle: string | null;
  writeOff: { date: DateOnly; by: string; how: string; answeredBy: string | null } | null;
  documents: CaseDocument[];
  notes: Note[];
  /** Year and sequence in the organisation's journal, as registered. */
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
  /** Saksnummer, as registered. */
  caseYear: number;
  caseSeq: number;
  /** Skjerming: the legal basis and the title the public journal shows, or null for a public case. */
  screening: { basis: string; publicTitle: string } | null;
}

/** A date without a time as an instant: the start of that day in Oslo. */
export function startOfOsloDay(d: DateOnly): string {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, day, 0, 0, 0, TIME_ZONE).toISOString().replace(/\.000/, "");
}

const instant = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, "Z");
export { instant };
