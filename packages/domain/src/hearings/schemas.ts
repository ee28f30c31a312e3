import { z } from "zod";
import { HearingKind, HearingStatus } from "@innspill/db/enums";
import { fields } from "../validation";

export const HEARING_KINDS = Object.values(HearingKind);
export const HEARING_STATUSES = Object.values(HearingStatus);

/** Statuses in which a hearing still needs work: it is neither sent, archived nor declined. */
export const OPEN_STATUSES = HEARING_STATUSES.filter(
  (s) => s !== "SENDT" && s !== "ARKIVERT" && s !== "SVARER_IKKE",
);

/** The fields of the hearing form, shared by the browser (react-hook-form) and the server. */
export const hearingFields = z
  .object({
    title: fields.requiredText(300, "titleTooLong"),
    issuingBodyId: z.uuid({ error: "unknownIssuingBody" }),
    kind: z.enum(HearingKind, { error: "required" }),
    theirReference: fields.optionalText(100, "referenceTooLong"),
    ourReference: fields.optionalText(100, "referenceTooLong"),
    url: fields.optionalUrl(),
    receivedDate: fields.optionalDateOnly(),
    deadline: fields.dateOnly(),
    responsibleId: fields.optionalId(),
    summary: fields.optionalText(5000, "summaryTooLong"),
  })
  .refine((h) => !h.receivedDate || !h.deadline || h.deadline >= h.receivedDate, {
    error: "deadlineBeforeReceived",
    path: ["deadline"],
  });
export type HearingFieldsInput = z.input<typeof hearingFields>;
export type HearingFields = z.output<typeof hearingFields>;

export const createHearingInput = hearingFields;

export const updateHearingInput = z.object({
  id: fields.id(),
  /** The version the editor read; a different current version means someone else saved in between. */
  version: z.int({ error: "invalid" }).min(1, { error: "invalid" }),
  data: hearingFields,
  status: z.enum(HearingStatus, { error: "invalid" }).optional(),
});

export const HEARING_SORTS = ["deadline_asc", "deadline_desc"] as const;

export const listHearingsInput = z
  .object({
    status: z
      .array(z.enum(HearingStatus, { error: "invalid" }))
      .max(20)
      .optional(),
    sort: z.enum(HEARING_SORTS, { error: "invalid" }).default("deadline_asc"),
    /** Without a status filter, only open hearings are listed unless this is set. */
    includeClosed: z.boolean().default(false),
  })
  .default({ sort: "deadline_asc", includeClosed: false });

export const hearingIdInput = z.object({ id: fields.id() });
