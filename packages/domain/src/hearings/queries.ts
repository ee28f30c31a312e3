/** Reading hearings: the register with its filters, one hearing with its history, and what the form offers. */
import type { Db, Prisma } from "@innspill/db";
import type { Actor } from "../access/actor";
import { coalesceEdits, listHearingHistory } from "../common/audit";
import { dateOnlyToDb, dbToDateOnly } from "../dates/dates";
import { journalNumber } from "../noark/journal";
import { AppError } from "../common/errors";
import { parseInput } from "../common/validation";
import { OPEN_STATUSES } from "./constants";
import { hearingIdInput, listHearingsInput } from "./schemas";
import { workflowActions } from "./workflow";
import { HEARING_ACTIONS, availableActions, roleMay } from "../access/permissions";
import { hearingInclude, hearingListSelect, toHearingListItem, toHearingView } from "./views";

export async function listHearings(db: Db, input: unknown, actor: Actor) {
  const q = parseInput(listHearingsInput, input);
  const text = q.q?.trim();
  // Free text searches within the status filter the user sees: open ones unless a status or «all» is chosen.
  const status = q.status?.length ? q.status : q.includeClosed ? undefined : OPEN_STATUSES;
  const where: Prisma.HearingWhereInput = {
    organisationId: actor.organisationId,
    ...(status ? { status: { in: status } } : {}),
    ...(q.issuingBodyId ? { issuingBodyId: q.issuingBodyId } : {}),
    ...(q.responsibleId ? { responsibleId: q.responsibleId } : {}),
    ...(q.topicId ? { topics: { some: { topicId: q.topicId } } } : {}),
    ...(q.deadlineFrom || q.deadlineTo
      ? {
          deadline: {
            ...(q.deadlineFrom ? { gte: dateOnlyToDb(q.deadlineFrom) } : {}),
            ...(q.deadlineTo ? { lte: dateOnlyToDb(q.deadlineTo) } : {}),
          },
        }
      : {}),
    ...(text
      ? {
          OR: [
            { title: { contains: text, mode: "insensitive" } },
            { summary: { contains: text, mode: "insensitive" } },
            { theirReference: { contains: text, mode: "insensitive" } },
            { ourReference: { contains: text, mode: "insensitive" } },
            { issuingBody: { name: { contains: text, mode: "insensitive" } } },
            { topics: { some: { topic: { name: { contains: text, mode: "insensitive" } } } } },
          ],
        }
      : {}),
  };
  // A page at a time, in a total order (deadline, title, id) so that a page starts right after the hearing before it.
  const direction = q.sort === "deadline_desc" ? "desc" : "asc";
  const after = q.cursor
    ? (() => {
        const deadline = dateOnlyToDb(q.cursor.deadline);
        const { title, id } = q.cursor;
        // The first condition gives the index scan its start (Prisma has no row comparison).
        return {
          deadline: direction === "asc" ? { gte: deadline } : { lte: deadline },
          OR: [
            { deadline: direction === "asc" ? { gt: deadline } : { lt: deadline } },
            { deadline, title: { gt: title } },
            { deadline, title, id: { gt: id } },
          ],
        };
      })()
    : null;
  const [rows, total] = await Promise.all([
    db.hearing.findMany({
      where: after ? { AND: [where, after] } : where,
      select: hearingListSelect,
      orderBy: [{ deadline: direction }, { title: "asc" }, { id: "asc" }],
      take: q.limit + 1,
      // The page first, then its rows' issuing bodies and advisers: joined in one statement, they would be looked up
      // for every match before the sort picked the page.
      relationLoadStrategy: "query",
    }),
    // Counted once, with the first page.
    q.cursor ? null : db.hearing.count({ where }),
  ]);
  const items = rows.slice(0, q.limit).map(toHearingListItem);
  const last = items.at(-1);
  return {
    items,
    total,
    nextCursor:
      rows.length > q.limit && last ? { deadline: last.deadline, title: last.title, id: last.id } : null,
  };
}

export async function getHearing(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(hearingIdInput, input);
  // One read for the hearing, its documents and its letters: the page, its transitions and its history need them all.
  const row = await db.hearing.findFirst({
    where: { id, organisationId: actor.organisationId },
    include: {
      ...hearingInclude,
      decidedBy: { select: { id: true, name: true } },
      links: { orderBy: { createdAt: "asc" } },
      documents: {
        select: {
          id: true,
          filename: true,
          mimeType: true,
          size: true,
          sha256: true,
          createdAt: true,
          // The archive copy (PDF/A) the worker makes, or why it could not.
          title: true,
          archiveStatus: true,
          archiveError: true,
        },
        orderBy: { createdAt: "asc" },
      },
      journalEntries: { select: { direction: true, year: true, seq: true, journalDate: true } },
      submissions: {
        select: { id: true, title: true, revision: true, signedDocument: { select: { createdAt: true } } },
        orderBy: { revision: "asc" },
      },
    },
  });
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
