/** The hearing register's constants, for the browser and the server alike (no zod here: see schemas.ts). */
import { HearingKind, HearingStatus } from "@innspill/db/enums";

export const HEARING_KINDS = Object.values(HearingKind);
export const HEARING_STATUSES = Object.values(HearingStatus);

/** Statuses in which a hearing still needs work: it is neither sent, archived nor declined. */
export const OPEN_STATUSES = HEARING_STATUSES.filter(
  (s) => s !== "SENDT" && s !== "ARKIVERT" && s !== "SVARER_IKKE",
);

/** The hearing's own columns that the form edits (topics and participants are relations). */
export const HEARING_COLUMN_FIELDS = [
  "title",
  "issuingBodyId",
  "kind",
  "theirReference",
  "ourReference",
  "url",
  "receivedDate",
  "deadline",
  "responsibleId",
  "summary",
] as const;

export const HEARING_SORTS = ["deadline_asc", "deadline_desc"] as const;
/** Hearings per page of the register, and the most a caller may ask for. */
export const HEARING_PAGE = 50;
export const HEARING_PAGE_MAX = 200;

/** Uploads: the largest file, and what all the documents of one case may come to together. */
export const MAX_DOCUMENT_MB = 20;
export const MAX_CASE_DOCUMENTS_MB = 200;
