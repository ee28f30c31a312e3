import { z } from "zod";
import { HearingDecision, HearingKind, HearingStatus } from "@innspill/db/enums";
import { fields } from "../common/validation";
import { HEARING_PAGE, HEARING_PAGE_MAX, HEARING_SORTS } from "./constants";

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
    /** Topic names; new names become new topics. */
    topics: fields.topics(),
    participantIds: z
      .array(z.uuid({ error: "invalid" }))
      .max(30, { error: "invalid" })
      .optional()
      .transform((v) => [...new Set(v ?? [])]),
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
  version: fields.version(),
  data: hearingFields,
});

const optionalFilterId = z.uuid({ error: "invalid" }).optional();

export const listHearingsInput = z
  .object({
    status: z
      .array(z.enum(HearingStatus, { error: "invalid" }))
      .max(20)
      .optional(),
    sort: z.enum(HEARING_SORTS, { error: "invalid" }).default("deadline_asc"),
    /** Without a status filter, only open hearings are listed unless this is set. */
    includeClosed: z.boolean().default(false),
    issuingBodyId: optionalFilterId,
    topicId: optionalFilterId,
    responsibleId: optionalFilterId,
    deadlineFrom: fields.optionalDateOnly(),
    deadlineTo: fields.optionalDateOnly(),
    /** Free text over title, summary, references, issuing body and topics. Searches closed hearings too. */
    q: z.string().trim().max(200, { error: "textTooLong" }).optional(),
    /**
     * A page of the list: `limit` hearings after `cursor`, the sort key of the last hearing of the page before (its
     * deadline, title and id: the key itself, so that no other hearing is looked up by id).
     */
    limit: z
      .number({ error: "invalid" })
      .int()
      .min(1)
      .max(HEARING_PAGE_MAX, { error: "invalid" })
      .default(HEARING_PAGE),
    cursor: z.object({ deadline: fields.dateOnly(), title: z.string().max(300), id: fields.id() }).nullish(),
  })
  .default({
    sort: "deadline_asc",
    includeClosed: false,
    deadlineFrom: null,
    deadlineTo: null,
    limit: HEARING_PAGE,
  });

export const hearingIdInput = z.object({ id: fields.id() });

export const decideHearingInput = z
  .object({
    id: fields.id(),
    version: fields.version(),
    decision: z.enum(HearingDecision, { error: "required" }),
    reason: fields.optionalText(2000, "textTooLong"),
  })
  .refine((d) => d.decision === "SVARER" || !!d.reason, { error: "declineNeedsReason", path: ["reason"] });

export const transitionHearingInput = z.object({
  id: fields.id(),
  version: fields.version(),
  to: z.enum(HearingStatus, { error: "invalid" }),
  reason: fields.optionalText(2000, "textTooLong"),
  /** For «Sendt utenfor Innspill»: the hearing document that was sent. */
  documentId: fields.optionalId(),
});

export const updateMilestoneInput = z
  .object({
    id: fields.id(),
    version: fields.version(),
    offsetDays: z
      .int({ error: "invalid" })
      .min(0, { error: "offsetRange" })
      .max(60, { error: "offsetRange" })
      .optional(),
    /** A user, "" or null to clear, or left out to keep. */
    ownerId: z
      .union([z.uuid({ error: "invalid" }), z.literal(""), z.null()])
      .optional()
      .transform((v) => (v === "" ? null : v)),
    done: z.boolean({ error: "invalid" }).optional(),
  })
  .refine((m) => m.offsetDays !== undefined || m.ownerId !== undefined || m.done !== undefined, {
    error: "invalid",
  });
