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
    kind: "BLOCK" | "LOCAL" | "FREE";
    showHeading: boolean;
    heading: string | null;
    body: BlockBody;
    library: LibraryVersion | null;
  }[];
}

/** The drag-and-drop payload type of a section being moved (its index). */
export const SECTION_MIME = "application/x-innspill-section";

let counter = 0;
export const newKey = () => `s${Date.now().toString(36)}${(counter++).toString(36)}`;

export function draftFrom(s: ServerSubmission): Draft {
  return {
    ...letterFieldsOf(s),
    sections: s.sections.map((x) => ({ ...x, key: newKey(), rev: 0 })),
    signatories: s.signatories.map((x) => ({ signatoryId: x.signatoryId, note: x.note })),
  };
}

export const toSaveInput = (d: Draft, id: string, version: number): SaveSubmissionInput =>
  saveInputOf(d, id, version);

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
