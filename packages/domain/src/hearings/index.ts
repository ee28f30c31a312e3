import type { Db, Hearing, HearingStatus, Prisma } from "@innspill/db";
import type { Actor } from "../actor";
import { requireRole } from "../actor";
import { listAuditEvents, recordAudit } from "../audit";
import { dateOnlyToDb, dbToDateOnly, osloDate, type DateOnly } from "../dates";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import {
  OPEN_STATUSES,
  createHearingInput,
  hearingIdInput,
  listHearingsInput,
  updateHearingInput,
  type HearingFields,
} from "./schemas";

export * from "./schemas";

/** Roles that register and edit hearings. Leaders read them; they approve and sign submissions. */
export const HEARING_EDITORS = ["ADVISER", "ADMIN"] as const;

const hearingInclude = {
  issuingBody: { select: { id: true, name: true, type: true } },
  responsible: { select: { id: true, name: true } },
} satisfies Prisma.HearingInclude;

type HearingRow = Prisma.HearingGetPayload<{ include: typeof hearingInclude }>;

/** A hearing as the API returns it: dates as "YYYY-MM-DD", relations flattened. */
export function toHearingView(h: HearingRow) {
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
    version: h.version,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
}
export type HearingView = ReturnType<typeof toHearingView>;

export async function listHearings(db: Db, input: unknown, actor: Actor) {
  const q = parseInput(listHearingsInput, input);
  const status = q.status?.length ? q.status : q.includeClosed ? undefined : OPEN_STATUSES;
  const rows = await db.hearing.findMany({
    where: { organisationId: actor.organisationId, ...(status ? { status: { in: status } } : {}) },
    include: hearingInclude,
    orderBy: [{ deadline: q.sort === "deadline_desc" ? "desc" : "asc" }, { title: "asc" }],
    take: 500,
  });
  return rows.map(toHearingView);
}

export async function getHearing(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(hearingIdInput, input);
  const row = await db.hearing.findFirst({
    where: { id, organisationId: actor.organisationId },
    include: hearingInclude,
  });
  if (!row) throw new AppError("NOT_FOUND", "hearingNotFound");
  const events = await listAuditEvents(db, "Hearing", id);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return {
    hearing: toHearingView(row),
    history: events.map((e) => ({
      id: e.id.toString(),
      action: e.action,
      at: e.createdAt,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      data: e.data,
    })),
  };
}

/** What the hearing form offers: issuing bodies and the active advisers who can be responsible. */
export async function getHearingFormOptions(db: Db, actor: Actor) {
  const [issuingBodies, advisers] = await Promise.all([
    db.issuingBody.findMany({
      where: { organisationId: actor.organisationId },
      select: { id: true, name: true, type: true },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({
      where: { organisationId: actor.organisationId, active: true, role: { in: ["ADVISER", "ADMIN"] } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { issuingBodies, advisers };
}

async function checkReferences(db: Db, data: HearingFields, actor: Actor) {
  const fieldErrors: Record<string, string[]> = {};
  const body = await db.issuingBody.findFirst({
    where: { id: data.issuingBodyId, organisationId: actor.organisationId },
    select: { id: true },
  });
  if (!body) fieldErrors.issuingBodyId = ["unknownIssuingBody"];
  if (data.responsibleId) {
    const user = await db.user.findFirst({
      where: { id: data.responsibleId, organisationId: actor.organisationId, active: true },
      select: { id: true },
    });
    if (!user) fieldErrors.responsibleId = ["unknownResponsible"];
  }
  if (Object.keys(fieldErrors).length) throw new AppError("BAD_REQUEST", "invalid", { fieldErrors });
}

function toColumns(data: HearingFields) {
  return {
    title: data.title,
    issuingBodyId: data.issuingBodyId,
    kind: data.kind,
    theirReference: data.theirReference,
    ourReference: data.ourReference,
    url: data.url,
    receivedDate: data.receivedDate ? dateOnlyToDb(data.receivedDate) : null,
    deadline: dateOnlyToDb(data.deadline),
    responsibleId: data.responsibleId,
    summary: data.summary,
  };
}

export async function createHearing(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, HEARING_EDITORS);
  const data = parseInput(createHearingInput, input);
  await checkReferences(db, data, actor);
  return db.$transaction(async (tx) => {
    const row = await tx.hearing.create({
      data: { ...toColumns(data), organisationId: actor.organisationId },
      include: hearingInclude,
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "hearing.created",
      entity: "Hearing",
      entityId: row.id,
      data: { title: row.title, deadline: data.deadline },
    });
    return toHearingView(row);
  });
}

const TRACKED: (keyof ReturnType<typeof toColumns>)[] = [
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
];

function comparable(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/**
 * Saves an edit if nobody else saved in between: the update matches on the version the editor read. Otherwise it
 * is refused with CONFLICT, carrying the current hearing so the editor can compare; nothing is overwritten.
 */
export async function updateHearing(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  requireRole(actor, HEARING_EDITORS);
  const { id, version, data, status } = parseInput(updateHearingInput, input);
  await checkReferences(db, data, actor);
  const columns = toColumns(data);
  return db.$transaction(async (tx) => {
    const before = await tx.hearing.findFirst({ where: { id, organisationId: actor.organisationId } });
    if (!before) throw new AppError("NOT_FOUND", "hearingNotFound");
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of TRACKED) {
      const from = comparable(before[key as keyof Hearing]);
      const to = comparable(columns[key]);
      if (from !== to) changes[key] = { from, to };
    }
    if (status && status !== before.status) changes.status = { from: before.status, to: status };
    // A deadline moved to today or later lifts the overdue mark.
    const clearOverdue = before.overdueSince && data.deadline >= osloDate(now);
    const { count } = await tx.hearing.updateMany({
      where: { id, organisationId: actor.organisationId, version },
      data: {
        ...columns,
        ...(status ? { status } : {}),
        ...(clearOverdue ? { overdueSince: null } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude });
      throw new AppError("CONFLICT", "hearingConflict", { details: { current: toHearingView(current) } });
    }
    if (Object.keys(changes).length) {
      await recordAudit(tx, {
        organisationId: actor.organisationId,
        actorId: actor.id,
        action: "hearing.updated",
        entity: "Hearing",
        entityId: id,
        data: { changes } as Prisma.InputJsonValue,
      });
    }
    const row = await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude });
    return toHearingView(row);
  });
}

/**
 * Marks open hearings whose deadline has passed in Oslo: a deadline is met until the end of its day, so a hearing
 * due on the 23rd becomes overdue at 00:00 Oslo time on the 24th. Run by the worker on a schedule.
 */
export async function markOverdueHearings(db: Db, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const today: DateOnly = osloDate(now);
  return db.$transaction(async (tx) => {
    const due = await tx.hearing.findMany({
      where: {
        deadline: { lt: dateOnlyToDb(today) },
        status: { in: OPEN_STATUSES as HearingStatus[] },
        overdueSince: null,
      },
      select: { id: true, organisationId: true, deadline: true },
    });
    if (!due.length) return { marked: [] as string[], today };
    await tx.hearing.updateMany({
      where: { id: { in: due.map((h) => h.id) }, overdueSince: null },
      data: { overdueSince: now },
    });
    await tx.auditEvent.createMany({
      data: due.map((h) => ({
        organisationId: h.organisationId,
        actorId: null,
        action: "hearing.markedOverdue",
        entity: "Hearing",
        entityId: h.id,
        data: { deadline: dbToDateOnly(h.deadline), today },
      })),
    });
    return { marked: due.map((h) => h.id), today };
  });
}
