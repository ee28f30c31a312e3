/** Reading hearings: the register with its filters, one hearing with its history, and what the form offers. */
import { Prisma, queryRows, type Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { coalesceEdits, listHearingHistory } from "../common/audit";
import { dbToDateOnly } from "../dates/dates";
import { journalNumber } from "../noark/journal";
import { AppError } from "../common/errors";
import { parseInput } from "../common/validation";
import { OPEN_STATUSES } from "./constants";
import { hearingIdInput, listHearingsInput } from "./schemas";
import { workflowActions } from "./workflow";
import { HEARING_ACTIONS, availableActions, roleMay } from "../access/permissions";
import {
  HEARING_LIST_COLUMNS,
  ISSUING_BODY,
  RESPONSIBLE,
  toHearingListItem,
  toHearingView,
  type HearingListItem,
  type hearingInclude,
} from "./views";

/** `text` as a case-insensitive substring pattern for ILIKE, its own wildcards taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The hearing register: a page at a time, with its total on the first page. Plain SQL (`queryRows`): every adviser
 * opens it many times a day, and Prisma's query compilation was most of its cost (ARCHITECTURE.md, «Plain SQL»).
 */
export async function listHearings(db: Db, input: unknown, actor: Actor) {
  const q = parseInput(listHearingsInput, input);
  const text = q.q?.trim();
  // Free text searches within the status filter the user sees: open ones unless a status or «all» is chosen.
  const status = q.status?.length ? q.status : q.includeClosed ? undefined : OPEN_STATUSES;
  const where: Prisma.Sql[] = [Prisma.sql`h."organisationId" = ${actor.organisationId}::uuid`];
  if (status) where.push(Prisma.sql`h.status = ANY(${[...status]}::"HearingStatus"[])`);
  if (q.issuingBodyId) where.push(Prisma.sql`h."issuingBodyId" = ${q.issuingBodyId}::uuid`);
  if (q.responsibleId) where.push(Prisma.sql`h."responsibleId" = ${q.responsibleId}::uuid`);
  if (q.topicId)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "HearingTopic" ht WHERE ht."hearingId" = h.id AND ht."topicId" = ${q.topicId}::uuid)`,
    );
  if (q.deadlineFrom) where.push(Prisma.sql`h.deadline >= ${q.deadlineFrom}::date`);
  if (q.deadlineTo) where.push(Prisma.sql`h.deadline <= ${q.deadlineTo}::date`);
  if (text) {
    const like = containsPattern(text);
    where.push(Prisma.sql`(h.title ILIKE ${like} OR h.summary ILIKE ${like} OR h."theirReference" ILIKE ${like}
      OR h."ourReference" ILIKE ${like}
      OR EXISTS (SELECT 1 FROM "IssuingBody" ib WHERE ib.id = h."issuingBodyId" AND ib.name ILIKE ${like})
      OR EXISTS (SELECT 1 FROM "HearingTopic" ht JOIN "Topic" t ON t.id = ht."topicId"
                  WHERE ht."hearingId" = h.id AND t.name ILIKE ${like}))`);
  }
  const filter = Prisma.join(where, " AND ");
  // A page at a time, in a total order (deadline, title, id) so that a page starts right after the hearing before it.
  const desc = q.sort === "deadline_desc";
  const order = desc
    ? Prisma.sql`h.deadline DESC, h.title ASC, h.id ASC`
    : Prisma.sql`h.deadline ASC, h.title ASC, h.id ASC`;
  const after = q.cursor
    ? (() => {
        const { deadline, title, id } = q.cursor;
        // The first condition gives the index scan its start.
        return desc
          ? Prisma.sql`AND h.deadline <= ${deadline}::date AND (h.deadline < ${deadline}::date
              OR (h.deadline = ${deadline}::date AND (h.title, h.id) > (${title}, ${id}::uuid)))`
          : Prisma.sql`AND (h.deadline, h.title, h.id) > (${deadline}::date, ${title}, ${id}::uuid)`;
      })()
    : Prisma.empty;
  // One statement, the page with its total (counted on the first page only, once: an uncorrelated subquery), so a
  // request takes a connection from the pool once; a second statement waits in the pool's queue again under load.
  const total = q.cursor
    ? Prisma.sql`NULL::int`
    : Prisma.sql`(SELECT count(*)::int FROM "Hearing" h WHERE ${filter})`;
  // The page first, then its rows' issuing bodies and advisers: joined before the LIMIT, they would be looked up for
  // every match before the sort picked the page.
  const rows = await queryRows<HearingListItem & { total: number | null }>(
    db,
    Prisma.sql`SELECT ${HEARING_LIST_COLUMNS}, ${total} AS total
                 FROM (SELECT h.* FROM "Hearing" h WHERE ${filter} ${after}
                        ORDER BY ${order} LIMIT ${q.limit + 1}) h
                ORDER BY ${order}`,
  );
  const items = rows.slice(0, q.limit).map(toHearingListItem);
  const last = items.at(-1);
  return {
    items,
    // No row on the first page: nothing matches.
    total: q.cursor ? null : (rows[0]?.total ?? 0),
    nextCursor:
      rows.length > q.limit && last ? { deadline: last.deadline, title: last.title, id: last.id } : null,
  };
}

/** What the hearing page reads: the hearing as `toHearingView` takes it, with its documents, letters and journal. */
type HearingPageRow = Prisma.HearingGetPayload<{
  include: typeof hearingInclude & {
    decidedBy: { select: { id: true; name: true } };
    links: true;
    documents: {
      select: {
        id: true;
        filename: true;
        mimeType: true;
        size: true;
        sha256: true;
        createdAt: true;
        // The archive copy (PDF/A) the worker makes, or why it could not.
        title: true;
        archiveStatus: true;
        archiveError: true;
      };
    };
    journalEntries: { select: { direction: true; year: true; seq: true; journalDate: true } };
    submissions: {
      select: { id: true; title: true; revision: true; signedDocument: { select: { createdAt: true } } };
    };
  };
}>;

/** A `timestamp` or a `date` as JSON carries it (no zone: UTC, as Prisma stores it) read as Prisma reads it. */
const jsonTime = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`);
const jsonTimeOrNull = (value: string | null) => (value === null ? null : jsonTime(value));

/**
 * The hearing page's one read (`HearingPageRow`), in plain SQL: the relations as JSON built by
 * the database, their dates made Dates again here (ARCHITECTURE.md, «Plain SQL»).
 */
async function readHearingPage(db: Db, id: string, organisationId: string): Promise<HearingPageRow | null> {
  type Json<T> = {
    [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
  };
  type Row = Omit<HearingPageRow, "milestones" | "links" | "documents" | "journalEntries" | "submissions"> & {
    milestones: Json<HearingPageRow["milestones"][number]>[];
    links: Json<HearingPageRow["links"][number]>[];
    documents: Json<HearingPageRow["documents"][number]>[];
    journalEntries: Json<HearingPageRow["journalEntries"][number]>[];
    submissions: (Omit<HearingPageRow["submissions"][number], "signedDocument"> & {
      signedDocument: { createdAt: string } | null;
    })[];
  };
  const person = (column: Prisma.Sql) =>
    Prisma.sql`(SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = ${column})`;
  const [row] = await queryRows<Row>(
    db,
    Prisma.sql`
    SELECT h.*,
      ${ISSUING_BODY} AS "issuingBody",
      ${RESPONSIBLE} AS responsible,
      ${person(Prisma.sql`h."decidedById"`)} AS "decidedBy",
      COALESCE((SELECT json_agg(json_build_object('topic', json_build_object('id', t.id, 'name', t.name)))
                  FROM "HearingTopic" ht JOIN "Topic" t ON t.id = ht."topicId"
                 WHERE ht."hearingId" = h.id), '[]'::json) AS topics,
      COALESCE((SELECT json_agg(json_build_object('user', json_build_object('id', u.id, 'name', u.name)))
                  FROM "HearingParticipant" p JOIN "User" u ON u.id = p."userId"
                 WHERE p."hearingId" = h.id), '[]'::json) AS participants,
      COALESCE((SELECT json_agg(to_jsonb(m) || jsonb_build_object('owner', ${person(Prisma.sql`m."ownerId"`)}))
                  FROM "Milestone" m WHERE m."hearingId" = h.id), '[]'::json) AS milestones,
      COALESCE((SELECT json_agg(l ORDER BY l."createdAt", l.id) FROM "HearingLink" l
                 WHERE l."hearingId" = h.id), '[]'::json) AS links,
      COALESCE((SELECT json_agg(json_build_object('id', d.id, 'filename', d.filename, 'mimeType', d."mimeType",
                                                  'size', d.size, 'sha256', d.sha256, 'createdAt', d."createdAt",
                                                  'title', d.title, 'archiveStatus', d."archiveStatus",
                                                  'archiveError', d."archiveError")
                                ORDER BY d."createdAt", d.id)
                  FROM "HearingDocument" d WHERE d."hearingId" = h.id), '[]'::json) AS documents,
      COALESCE((SELECT json_agg(json_build_object('direction', j.direction, 'year', j.year, 'seq', j.seq,
                                                  'journalDate', j."journalDate"))
                  FROM "JournalEntry" j WHERE j."hearingId" = h.id), '[]'::json) AS "journalEntries",
      COALESCE((SELECT json_agg(json_build_object('id', s.id, 'title', s.title, 'revision', s.revision,
                                 'signedDocument', (SELECT json_build_object('createdAt', sd."createdAt")
                                                      FROM "SignedDocument" sd WHERE sd."submissionId" = s.id))
                                ORDER BY s.revision)
                  FROM "Submission" s WHERE s."hearingId" = h.id), '[]'::json) AS submissions
      FROM "Hearing" h
     WHERE h.id = ${id}::uuid AND h."organisationId" = ${organisationId}::uuid`,
  );
  if (!row) return null;
  return {
    ...row,
    milestones: row.milestones.map((m) => ({
      ...m,
      dueDate: jsonTime(m.dueDate),
      doneAt: jsonTimeOrNull(m.doneAt),
    })),
    links: row.links.map((l) => ({ ...l, createdAt: jsonTime(l.createdAt) })),
    documents: row.documents.map((d) => ({ ...d, createdAt: jsonTime(d.createdAt) })),
    journalEntries: row.journalEntries.map((j) => ({ ...j, journalDate: jsonTime(j.journalDate) })),
    submissions: row.submissions.map((x) => ({
      ...x,
      signedDocument: x.signedDocument && { createdAt: jsonTime(x.signedDocument.createdAt) },
    })),
  };
}

export async function getHearing(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(hearingIdInput, input);
  // One read for the hearing, its documents and its letters: the page, its transitions and its history need them all.
  const row = await readHearingPage(db, id, actor.organisationId);
  if (!row) throw new AppError("NOT_FOUND", "hearingNotFound");
  const events = await listHearingHistory(db, id, actor.organisationId, {
    limit: 300,
    submissionIds: row.submissions.map((s) => s.id),
  });
  // The signed letters, among the hearing's documents.
  const signedLetters = row.submissions.filter((s) => s.signedDocument);
  const hasLetter = row.submissions.length > 0;
  return {
    hearing: toHearingView(row),
    decidedBy: row.decidedBy,
    links: row.links,
    documents: row.documents,
    /** Saksnummer and journalpost numbers, as registered (noark/journal.ts), and the case's skjerming. */
    journal: {
      caseNumber: journalNumber(row.caseYear, row.caseSeq),
      entries: row.journalEntries
        .map((e) => ({
          direction: e.direction as "INN" | "UT",
          number: journalNumber(e.year, e.seq)!,
          date: dbToDateOnly(e.journalDate),
        }))
        .sort((a, b) => a.direction.localeCompare(b.direction)),
      screening: { basis: row.screeningBasis, publicTitle: row.publicTitle },
    },
    signedLetters: signedLetters.map((l) => ({
      submissionId: l.id,
      title: l.title,
      revision: l.revision,
      signedAt: l.signedDocument!.createdAt,
    })),
    /** The decision, status steps and «Sendt utenfor Innspill» this user is offered now (`workflow.ts`). */
    workflow: workflowActions({ status: row.status, hasLetter }, actor.role),
    /** What the user may do with this hearing now (edit; export to the archive once the case is closed). */
    actions: availableActions(actor, HEARING_ACTIONS, { hearingStatus: row.status }),
    // Autosaves coalesced: one «redigert» entry per person per hour.
    history: coalesceEdits(events).map((e) => ({
      id: e.id.toString(),
      action: e.action,
      at: e.createdAt,
      count: e.count,
      actorName: e.actorName,
      data: e.data,
    })),
  };
}

/** What the hearing form offers: issuing bodies, the active users, and the topics in use. */
export async function getHearingFormOptions(db: Db, actor: Actor) {
  const [issuingBodies, users, topics] = await Promise.all([
    db.issuingBody.findMany({
      where: { organisationId: actor.organisationId, active: true },
      select: { id: true, name: true, type: true },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({
      where: { organisationId: actor.organisationId, active: true },
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
    }),
    db.topic.findMany({
      where: { organisationId: actor.organisationId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { issuingBodies, advisers: users.filter((u) => roleMay(u.role, "hearing.edit")), users, topics };
}
