/**
 * Submission and signatory inputs, shared by the server and the composer's forms. Browser-safe.
 */
import { z } from "zod";
import { fields } from "../common/validation";
import { blockBody, type BlockBody } from "../library/body";

const MAX_SIGNATORIES = 3;
const MAX_SECTIONS = 100;

const version = fields.version;
const heading = () => fields.optionalText(200, "titleTooLong");
const showHeading = z.boolean({ error: "invalid" }).default(true);
/** A section's stable name in the letter's co-writing document; a new section gets one when saved. */
const key = fields.id().optional();

const sectionInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("BLOCK"), key, blockVersionId: fields.id(), showHeading }).strict(),
    z
      .object({
        kind: z.literal("LOCAL"),
        key,
        blockVersionId: fields.id(),
        heading: heading(),
        showHeading,
        body: blockBody,
      })
      .strict(),
    z.object({ kind: z.literal("FREE"), key, heading: heading(), showHeading, body: blockBody }).strict(),
  ],
  { error: "invalid" },
);
export type SectionInput = z.input<typeof sectionInput>;

/**
 * The letter's own fields: the one list. Their type (`LetterFields`) is what the composer, the API's view, the save,
 * the revision copy and the web's draft hold (`letterFieldsOf` picks them); the snapshot has each of them, so a
 * field added here but forgotten in the PDF or in «Lag ny versjon» fails `letter-fields.int.test.ts`.
 */
const submissionLetterFields = z.object({
  title: fields.requiredText(300, "titleTooLong"),
  place: fields.requiredText(100, "textTooLong"),
  date: fields.dateOnly(),
  recipient: fields.optionalText(300, "textTooLong"),
  theirReference: fields.optionalText(100, "referenceTooLong"),
  ourReference: fields.optionalText(100, "referenceTooLong"),
  letterheadOrganisation: fields.requiredText(200, "textTooLong"),
  letterheadUnit: fields.optionalText(200, "textTooLong"),
  letterheadAddress: fields.optionalText(300, "textTooLong"),
  closing: fields.requiredText(500, "textTooLong"),
  signingOrder: z.enum(["SEQUENTIAL", "PARALLEL"], { error: "invalid" }).default("SEQUENTIAL"),
});

export type LetterFields = z.output<typeof submissionLetterFields>;
export type LetterFieldKey = keyof LetterFields;
export const LETTER_FIELDS = Object.keys(submissionLetterFields.shape) as LetterFieldKey[];

/** The letter's fields of anything that has them (a row, a view, a draft), and nothing else. */
export function letterFieldsOf<T extends Record<LetterFieldKey, unknown>>(s: T): Pick<T, LetterFieldKey> {
  return Object.fromEntries(LETTER_FIELDS.map((k) => [k, s[k]])) as Pick<T, LetterFieldKey>;
}

export const saveSubmissionInput = submissionLetterFields.extend({
  id: fields.id(),
  version: version(),
  sections: z.array(sectionInput).max(MAX_SECTIONS, { error: "tooManySections" }),
  signatories: z
    .array(z.object({ signatoryId: fields.id(), note: fields.optionalText(200, "textTooLong") }).strict())
    .max(MAX_SIGNATORIES, { error: "tooManySignatories" })
    .refine((list) => new Set(list.map((s) => s.signatoryId)).size === list.length, {
      error: "duplicateSignatory",
    }),
});
export type SaveSubmissionInput = z.input<typeof saveSubmissionInput>;

const titleInput = z
  .object({
    title: fields.requiredText(200, "textTooLong"),
    validFrom: fields.dateOnly(),
    validTo: fields.optionalDateOnly(),
  })
  .strict()
  .refine((t) => !t.validTo || t.validTo >= t.validFrom, { error: "validToBeforeFrom", path: ["validTo"] });

const titles = z
  .array(titleInput)
  .min(1, { error: "signatoryNeedsTitle" })
  .max(50)
  .refine(
    (list) => {
      const sorted = [...list].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      return sorted.every(
        (t, i) => i === 0 || (!!sorted[i - 1]!.validTo && sorted[i - 1]!.validTo! < t.validFrom),
      );
    },
    { error: "titlesOverlap" },
  );

export const createSignatoryInput = z.object({
  name: fields.requiredText(200, "nameTooLong"),
  userId: fields.optionalId(),
  titles,
});

export const updateSignatoryInput = createSignatoryInput.extend({
  id: fields.id(),
  version: version(),
  active: z.boolean({ error: "invalid" }),
});

/** The title valid on `date`: valid from on or before it, and not ended before it. */
export function titleOn<T extends { validFrom: string; validTo: string | null }>(
  list: T[],
  date: string,
): T | null {
  let best: T | null = null;
  for (const t of list)
    if (t.validFrom <= date && (!t.validTo || t.validTo >= date) && (!best || t.validFrom > best.validFrom))
      best = t;
  return best;
}

/** The body with one position swapped for another in every "NITO mener" list (e.g. a retired one for its replacement). */
export function replacePositionInBody(body: BlockBody, from: string, to: string): BlockBody {
  return {
    ...body,
    content: body.content.map((node) =>
      node.type === "positionList"
        ? {
            ...node,
            attrs: {
              positionIds: [...new Set(node.attrs.positionIds.map((id) => (id === from ? to : id)))],
            },
          }
        : node,
    ),
  };
}

/** A letter as the composer and the API hold it: its fields, its sections (with the library version they stem from). */
export interface LetterState extends LetterFields {
  sections: {
    key?: string;
    kind: "BLOCK" | "LOCAL" | "FREE";
    showHeading: boolean;
    heading: string | null;
    body: BlockBody;
    library: { versionId: string } | null;
  }[];
  signatories: { signatoryId: string; note: string | null }[];
}

/** The save input for a letter: library blocks by their pinned version, local copies and free text with their body. */
export function saveInputOf(s: LetterState, id: string, version: number): SaveSubmissionInput {
  return {
    id,
    version,
    ...letterFieldsOf(s),
    sections: s.sections.map((x) =>
      x.kind === "BLOCK"
        ? { kind: "BLOCK", key: x.key, blockVersionId: x.library!.versionId, showHeading: x.showHeading }
        : x.kind === "LOCAL"
          ? {
              kind: "LOCAL",
              key: x.key,
              blockVersionId: x.library!.versionId,
              heading: x.heading,
              showHeading: x.showHeading,
              body: x.body,
            }
          : { kind: "FREE", key: x.key, heading: x.heading, showHeading: x.showHeading, body: x.body },
    ),
    signatories: s.signatories.map((x) => ({ signatoryId: x.signatoryId, note: x.note })),
  };
}
