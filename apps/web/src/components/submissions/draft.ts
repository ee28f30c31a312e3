/**
 * The composer's working copy of a letter, and its conversion to the save input. Sections carry a client key (for
 * React and drag-and-drop) and the library version they stem from (for display and diffs).
 */
import {
  letterFieldsOf,
  saveInputOf,
  type BlockBody,
  type LetterFields,
  type SaveSubmissionInput,
} from "@innspill/domain/shared";

export interface LibraryVersion {
  blockId: string;
  versionId: string;
  number: number;
  heading: string;
  body: BlockBody;
  plainText: string;
}

export interface DraftSection {
  key: string;
  kind: "BLOCK" | "LOCAL" | "FREE";
  showHeading: boolean;
  heading: string | null;
  body: BlockBody;
  library: LibraryVersion | null;
  /** Bumped when the body is replaced from outside the editor, so the editor starts over from it. */
  rev: number;
}

/** The letter as the composer edits it: its fields (the domain's one list), sections and signatories. */
export interface Draft extends LetterFields {
  sections: DraftSection[];
  signatories: { signatoryId: string; note: string | null }[];
}

export type LetterField = Exclude<keyof Draft, "sections" | "signatories" | "signingOrder">;

interface ServerSubmission extends Omit<Draft, "sections"> {
  sections: {
    key?: string;
    kind: "BLOCK" | "LOCAL" | "FREE";
    showHeading: boolean;
    heading: string | null;
    body: BlockBody;
    library: LibraryVersion | null;
  }[];
}

/** The drag-and-drop payload type of a section being moved (its index). */
export const SECTION_MIME = "application/x-innspill-section";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A new section's key: a UUID, kept by the server, naming the section's text in the letter's co-writing document.
 * Made with getRandomValues, which (unlike randomUUID) also works on a page served over plain HTTP.
 */
export function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
/** A key from an older draft kept in this browser (not a UUID) gets a new one. */
export const validKey = (key: string | undefined) => (key && UUID.test(key) ? key : newKey());

export function draftFrom(s: ServerSubmission): Draft {
  return {
    ...letterFieldsOf(s),
    sections: s.sections.map((x) => ({ ...x, key: validKey(x.key), rev: 0 })),
    signatories: s.signatories.map((x) => ({ signatoryId: x.signatoryId, note: x.note })),
  };
}

export const toSaveInput = (d: Draft, id: string, version: number): SaveSubmissionInput =>
  saveInputOf(d, id, version);

/**
 * What the optimistic lock guards: the letter's fields, signatories and sections without their co-written texts
 * (which merge live). Two drafts with the same structure differ at most in those texts.
 */
export const structureOf = (d: Draft): string =>
  JSON.stringify({
    ...d,
    sections: d.sections.map((x) => ({
      key: x.key,
      kind: x.kind,
      showHeading: x.showHeading,
      heading: x.heading,
      version: x.library?.versionId ?? null,
    })),
  });

export const blockSection = (v: LibraryVersion): DraftSection => ({
  key: newKey(),
  kind: "BLOCK",
  showHeading: true,
  heading: v.heading,
  body: v.body,
  library: v,
  rev: 0,
});

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
