/** A hearing as the API returns it, and what is read with it. */
import { Prisma, type HearingKind, type HearingStatus, type IssuingBodyType } from "@innspill/db";
import { dbToDateOnly, osloDate, type DateOnly } from "../dates/dates";
import { MILESTONE_KINDS, MILESTONE_TARGET_STATUS } from "./milestones";
import { statusRank } from "./workflow";

export const hearingInclude = {
  issuingBody: { select: { id: true, name: true, type: true } },
  responsible: { select: { id: true, name: true } },
  topics: { select: { topic: { select: { id: true, name: true } } } },
  participants: { select: { user: { select: { id: true, name: true } } } },
  milestones: { include: { owner: { select: { id: true, name: true } } } },
} satisfies Prisma.HearingInclude;

export type HearingRow = Prisma.HearingGetPayload<{ include: typeof hearingInclude }>;

/**
 * In plain SQL over a hearing aliased `h`: its issuing body and responsible adviser as JSON, each read by its key
 * (per row of a page; joined, the planner may read the whole table of every organisation's bodies).
 */
export const ISSUING_BODY = Prisma.sql`(SELECT json_build_object('id', b.id, 'name', b.name, 'type', b.type)
                                          FROM "IssuingBody" b WHERE b.id = h."issuingBodyId")`;
export const RESPONSIBLE = Prisma.sql`(SELECT json_build_object('id', u.id, 'name', u.name)
                                         FROM "User" u WHERE u.id = h."responsibleId")`;

/** A row of the hearing register (and of Oversikt's lists), as `HEARING_LIST_COLUMNS` reads it. */
export interface HearingListItem {
  id: string;
  title: string;
  kind: HearingKind;
  status: HearingStatus;
  deadline: DateOnly;
  overdueSince: Date | null;
  issuingBody: { id: string; name: string; type: IssuingBodyType };
  responsible: { id: string; name: string } | null;
}

/** In plain SQL over a hearing aliased `h`: the columns of a `HearingListItem`. */
export const HEARING_LIST_COLUMNS = Prisma.sql`h.id::text, h.title, h.kind::text AS kind, h.status::text AS status,
  h.deadline::text AS deadline, h."overdueSince", ${ISSUING_BODY} AS "issuingBody", ${RESPONSIBLE} AS responsible`;

/** The register's fields of a row that was read with more. */
export const toHearingListItem = (h: HearingListItem): HearingListItem => ({
  id: h.id,
  title: h.title,
  kind: h.kind,
  status: h.status,
  deadline: h.deadline,
  overdueSince: h.overdueSince,
  issuingBody: h.issuingBody,
  responsible: h.responsible,
});

/** Is the milestone past its date while the hearing has not yet reached the status it should have? */
export function isMilestoneLate(
  m: { kind: keyof typeof MILESTONE_TARGET_STATUS; dueDate: DateOnly; done: boolean },
  status: HearingStatus,
  today: DateOnly,
): boolean {
  if (m.done || status === "SVARER_IKKE") return false;
  return m.dueDate < today && statusRank(status) < statusRank(MILESTONE_TARGET_STATUS[m.kind]);
}

/** A hearing as the API returns it: dates as "YYYY-MM-DD", relations flattened. */
export function toHearingView(h: HearingRow, today: DateOnly = osloDate(new Date())) {
  const milestones = MILESTONE_KINDS.flatMap((kind) => {
    const m = h.milestones.find((x) => x.kind === kind);
    if (!m) return [];
    const dueDate = dbToDateOnly(m.dueDate);
    return [
      {
        id: m.id,
        version: m.version,
        kind: m.kind,
        offsetDays: m.offsetDays,
        dueDate,
        owner: m.owner,
        doneAt: m.doneAt,
        late: isMilestoneLate({ kind: m.kind, dueDate, done: m.doneAt !== null }, h.status, today),
      },
    ];
  });
  return {
    id: h.id,
    title: h.title,
    kind: h.kind,
    status: h.status,
    issuingBody: h.issuingBody,
    theirReference: h.theirReference,
    ourReference: h.ourReference,
    url: h.url,
    receivedDate: h.receivedDate ? dbToDateOnly(h.receivedDate) : null,
    deadline: dbToDateOnly(h.deadline),
    responsible: h.responsible,
    summary: h.summary,
    overdueSince: h.overdueSince,
    decision: h.decision,
    decisionReason: h.decisionReason,
    decidedAt: h.decidedAt,
    topics: h.topics.map((t) => t.topic).sort((a, b) => a.name.localeCompare(b.name, "nb")),
    participants: h.participants.map((p) => p.user).sort((a, b) => a.name.localeCompare(b.name, "nb")),
    milestones,
    atRisk: milestones.some((m) => m.late),
    version: h.version,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
}
export type HearingView = ReturnType<typeof toHearingView>;
