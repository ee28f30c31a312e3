import { z } from "zod";
import type { Db, DbTx, Hearing, HearingStatus, Prisma } from "@innspill/db";
import type { Actor } from "../actor";
import { requireRole } from "../actor";
import { listHearingHistory, recordAudit } from "../audit";
import { dateOnlyToDb, dbToDateOnly, formatDate, osloDate, type DateOnly } from "../dates";
import { AppError } from "../errors";
import { notify } from "../notifications";
import { getOrganisationSettings } from "../settings";
import { fields, parseInput } from "../validation";
import { subtractWorkingDays } from "../workdays";
import { MILESTONE_KINDS, MILESTONE_TARGET_STATUS, planMilestoneMoves, planMilestones } from "./milestones";
import {
  HEARING_COLUMN_FIELDS,
  OPEN_STATUSES,
  createHearingInput,
  decideHearingInput,
  hearingIdInput,
  listHearingsInput,
  transitionHearingInput,
  updateHearingInput,
  updateMilestoneInput,
  type HearingFields,
} from "./schemas";
import { CLOSED_STATUSES, checkTransition, statusRank, transitionsFrom } from "./workflow";

export * from "./schemas";
export * from "./milestones";
export * from "./workflow";

/** Roles that register and edit hearings. Leaders read them; they approve and sign submissions. */
export const HEARING_EDITORS = ["ADVISER", "ADMIN"] as const;

export const MILESTONE_LABELS = {
  UTKAST: "Utkast",
  GJENNOMGANG: "Gjennomgang",
  GODKJENNING: "Godkjenning",
  SIGNERING: "Signering",
} as const;

const hearingInclude = {
  issuingBody: { select: { id: true, name: true, type: true } },
  responsible: { select: { id: true, name: true } },
  topics: { select: { topic: { select: { id: true, name: true } } } },
  participants: { select: { user: { select: { id: true, name: true } } } },
  milestones: { include: { owner: { select: { id: true, name: true } } } },
} satisfies Prisma.HearingInclude;

type HearingRow = Prisma.HearingGetPayload<{ include: typeof hearingInclude }>;

/** Is the milestone past its date while the hearing has not yet reached the status it should have? */
export function isMilestoneLate(
  m: { kind: keyof typeof MILESTONE_TARGET_STATUS; dueDate: DateOnly; doneAt: Date | null },
  status: HearingStatus,
  today: DateOnly,
): boolean {
  if (m.doneAt || status === "SVARER_IKKE") return false;
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
        kind: m.kind,
        offsetDays: m.offsetDays,
        dueDate,
        owner: m.owner,
        doneAt: m.doneAt,
        late: isMilestoneLate({ kind: m.kind, dueDate, doneAt: m.doneAt }, h.status, today),
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

export async function listHearings(db: Db, input: unknown, actor: Actor) {
  const q = parseInput(listHearingsInput, input);
  const text = q.q?.trim();
  // Free text and explicit status filters also reach closed and declined hearings; otherwise only open ones.
  const status = q.status?.length ? q.status : q.includeClosed || text ? undefined : OPEN_STATUSES;
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
  const rows = await db.hearing.findMany({
    where,
    include: hearingInclude,
    orderBy: [{ deadline: q.sort === "deadline_desc" ? "desc" : "asc" }, { title: "asc" }],
    take: 500,
  });
  const today = osloDate(new Date());
  return rows.map((r) => toHearingView(r, today));
}

export async function getHearing(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(hearingIdInput, input);
  const row = await db.hearing.findFirst({
    where: { id, organisationId: actor.organisationId },
    include: {
      ...hearingInclude,
      decidedBy: { select: { id: true, name: true } },
      links: { orderBy: { createdAt: "asc" } },
      documents: {
        select: { id: true, filename: true, mimeType: true, size: true, sha256: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "hearingNotFound");
  const events = await listHearingHistory(db, id, 300);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return {
    hearing: toHearingView(row),
    decidedBy: row.decidedBy,
    links: row.links,
    documents: row.documents,
    transitions: transitionsFrom(row.status, actor.role).map((t) => t.to),
    /** A closed case can be exported to the archive (Noark 5); an open one cannot. */
    canExportArchive: CLOSED_STATUSES.includes(row.status),
    history: events.map((e) => ({
      id: e.id.toString(),
      action: e.action,
      at: e.createdAt,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
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
  return { issuingBodies, advisers: users.filter((u) => u.role !== "LEADER"), users, topics };
}

async function checkReferences(db: DbTx, data: HearingFields, actor: Actor, currentBodyId?: string) {
  const fieldErrors: Record<string, string[]> = {};
  const body = await db.issuingBody.findFirst({
    where: { id: data.issuingBodyId, organisationId: actor.organisationId },
    select: { id: true, active: true },
  });
  // An inactive body stays valid on hearings that already have it.
  if (!body || (!body.active && body.id !== currentBodyId))
    fieldErrors.issuingBodyId = ["unknownIssuingBody"];
  const userIds = [...new Set([data.responsibleId, ...data.participantIds].filter((x): x is string => !!x))];
  if (userIds.length) {
    const found = await db.user.findMany({
      where: { id: { in: userIds }, organisationId: actor.organisationId, active: true },
      select: { id: true },
    });
    const ok = new Set(found.map((u) => u.id));
    if (data.responsibleId && !ok.has(data.responsibleId)) fieldErrors.responsibleId = ["unknownResponsible"];
    if (data.participantIds.some((id) => !ok.has(id))) fieldErrors.participantIds = ["unknownParticipant"];
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

/** Sets the hearing's topics by name, creating topics that do not exist yet. */
async function setTopics(tx: DbTx, hearingId: string, organisationId: string, names: string[]) {
  await tx.hearingTopic.deleteMany({ where: { hearingId } });
  for (const name of names) {
    const existing = await tx.topic.findFirst({
      where: { organisationId, name: { equals: name, mode: "insensitive" } },
    });
    const topic = existing ?? (await tx.topic.create({ data: { organisationId, name } }));
    await tx.hearingTopic.create({ data: { hearingId, topicId: topic.id } });
  }
}

async function setParticipants(tx: DbTx, hearingId: string, userIds: string[]) {
  await tx.hearingParticipant.deleteMany({ where: { hearingId } });
  if (userIds.length)
    await tx.hearingParticipant.createMany({ data: userIds.map((userId) => ({ hearingId, userId })) });
}

export async function createHearing(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, HEARING_EDITORS);
  const data = parseInput(createHearingInput, input);
  await checkReferences(db, data, actor);
  const settings = await getOrganisationSettings(db, actor.organisationId);
  return db.$transaction(async (tx) => {
    const created = await tx.hearing.create({
      data: { ...toColumns(data), organisationId: actor.organisationId },
    });
    await setTopics(tx, created.id, actor.organisationId, data.topics);
    await setParticipants(tx, created.id, data.participantIds);
    await tx.milestone.createMany({
      data: planMilestones(data.deadline, settings.milestoneOffsets).map((m) => ({
        hearingId: created.id,
        kind: m.kind,
        offsetDays: m.offsetDays,
        dueDate: dateOnlyToDb(m.dueDate),
        ownerId: data.responsibleId,
      })),
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "hearing.created",
      entity: "Hearing",
      entityId: created.id,
      data: { title: created.title, deadline: data.deadline },
    });
    await notify(tx, {
      userIds: [data.responsibleId, ...data.participantIds],
      exceptUserId: actor.id,
      hearingId: created.id,
      kind: "hearing.assigned",
      title: `Ny høring: ${created.title}`,
      body: `${actor.name} har registrert høringen «${created.title}» med frist ${formatDate(data.deadline)}, og du er med på den.`,
    });
    const row = await tx.hearing.findUniqueOrThrow({ where: { id: created.id }, include: hearingInclude });
    return toHearingView(row);
  });
}

function comparable(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

/** Takes the row for update at the version the caller read, or explains why not (NOT_FOUND or CONFLICT). */
async function lockAtVersion(tx: DbTx, id: string, version: number, actor: Actor) {
  const rows = await tx.$queryRaw<{ id: string; version: number }[]>`
    SELECT id, version FROM "Hearing" WHERE id = ${id}::uuid AND "organisationId" = ${actor.organisationId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "hearingNotFound");
  if (row.version !== version) {
    const current = await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude });
    throw new AppError("CONFLICT", "hearingConflict", { details: { current: toHearingView(current) } });
  }
  return tx.hearing.findUniqueOrThrow({ where: { id }, include: { ...hearingInclude } });
}

/**
 * Saves an edit if nobody else saved in between: the row is locked and its version compared with the one the editor
 * read. Otherwise CONFLICT, carrying the current hearing so the editor can compare; nothing is overwritten.
 * A new deadline moves the milestones that are not done, and everyone involved is told what moved.
 */
export async function updateHearing(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  requireRole(actor, HEARING_EDITORS);
  const { id, version, data } = parseInput(updateHearingInput, input);
  return db.$transaction(async (tx) => {
    const before = await lockAtVersion(tx, id, version, actor);
    await checkReferences(tx, data, actor, before.issuingBodyId);
    const columns = toColumns(data);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of HEARING_COLUMN_FIELDS) {
      const from = comparable(before[key as keyof Hearing]);
      const to = comparable(columns[key]);
      if (from !== to) changes[key] = { from, to };
    }
    const beforeTopics = before.topics.map((t) => t.topic.name).sort();
    if (JSON.stringify(beforeTopics) !== JSON.stringify([...data.topics].sort())) {
      changes.topics = { from: beforeTopics, to: data.topics };
    }
    const beforeParticipants = before.participants.map((p) => p.user.id).sort();
    if (JSON.stringify(beforeParticipants) !== JSON.stringify([...data.participantIds].sort())) {
      changes.participantIds = { from: beforeParticipants, to: data.participantIds };
    }

    const oldDeadline = dbToDateOnly(before.deadline);
    // A deadline moved to today or later lifts the overdue mark.
    const clearOverdue = before.overdueSince && data.deadline >= osloDate(now);
    await tx.hearing.update({
      where: { id },
      data: { ...columns, ...(clearOverdue ? { overdueSince: null } : {}), version: { increment: 1 } },
    });
    if (changes.topics) await setTopics(tx, id, actor.organisationId, data.topics);
    if (changes.participantIds) await setParticipants(tx, id, data.participantIds);
    // Milestones that were the old responsible's follow the new one.
    if (changes.responsibleId) {
      await tx.milestone.updateMany({
        where: { hearingId: id, doneAt: null, ownerId: before.responsibleId },
        data: { ownerId: data.responsibleId },
      });
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
    if (data.deadline !== oldDeadline) {
      await moveDeadline(tx, before, oldDeadline, data.deadline, data, actor);
    }
    const row = await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude });
    return toHearingView(row);
  });
}

async function moveDeadline(
  tx: DbTx,
  before: HearingRow,
  from: DateOnly,
  to: DateOnly,
  data: HearingFields,
  actor: Actor,
) {
  const moves = planMilestoneMoves(
    before.milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      offsetDays: m.offsetDays,
      dueDate: dbToDateOnly(m.dueDate),
      done: !!m.doneAt,
    })),
    to,
  );
  for (const m of moves)
    await tx.milestone.update({ where: { id: m.id }, data: { dueDate: dateOnlyToDb(m.to) } });
  await recordAudit(tx, {
    organisationId: actor.organisationId,
    actorId: actor.id,
    action: "hearing.deadlineMoved",
    entity: "Hearing",
    entityId: before.id,
    data: { from, to, moves: moves.map(({ kind, from: f, to: t }) => ({ kind, from: f, to: t })) },
  });
  const lines = moves.map(
    (m) => `• ${MILESTONE_LABELS[m.kind]}: ${formatDate(m.from)} → ${formatDate(m.to)}`,
  );
  await notify(tx, {
    userIds: [
      before.responsibleId,
      data.responsibleId,
      ...data.participantIds,
      ...before.participants.map((p) => p.user.id),
      ...before.milestones.map((m) => m.ownerId),
    ],
    exceptUserId: actor.id,
    hearingId: before.id,
    kind: "hearing.deadlineMoved",
    title: `Ny frist: ${data.title}`,
    body: [
      `${actor.name} har flyttet fristen for «${data.title}» fra ${formatDate(from)} til ${formatDate(to)}.`,
      ...(lines.length ? ["Milepæler som er flyttet:", ...lines] : []),
    ].join("\n"),
    email: true,
  });
}

/** "Svarer" or "svarer ikke": records who decided, when and why, and moves the status on. */
export async function decideHearing(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  requireRole(actor, HEARING_EDITORS);
  const { id, version, decision, reason } = parseInput(decideHearingInput, input);
  return db.$transaction(async (tx) => {
    const h = await lockAtVersion(tx, id, version, actor);
    const to: HearingStatus = decision === "SVARER" ? "UNDER_ARBEID" : "SVARER_IKKE";
    const check = checkTransition(
      { status: h.status, decision, responsibleId: h.responsibleId },
      to,
      actor.role,
      {
        reason,
      },
    );
    if (!check.ok) throw new AppError(check.code, check.message);
    await tx.hearing.update({
      where: { id },
      data: {
        decision,
        decisionReason: reason,
        decidedById: actor.id,
        decidedAt: now,
        status: to,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "hearing.decided",
      entity: "Hearing",
      entityId: id,
      data: { decision, reason, from: h.status, to },
    });
    const row = await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude });
    return toHearingView(row);
  });
}

/** Moves a hearing along its workflow; an illegal transition is refused with a clear message. */
export async function transitionHearing(db: Db, input: unknown, actor: Actor) {
  const { id, version, to, reason } = parseInput(transitionHearingInput, input);
  return db.$transaction(async (tx) => {
    const h = await lockAtVersion(tx, id, version, actor);
    const check = checkTransition(h, to, actor.role, { reason });
    if (!check.ok) throw new AppError(check.code, check.message);
    await tx.hearing.update({
      where: { id },
      data: {
        status: to,
        version: { increment: 1 },
        // Taking a declined hearing up again clears the decision.
        ...(h.status === "SVARER_IKKE"
          ? { decision: null, decisionReason: null, decidedById: null, decidedAt: null }
          : {}),
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "hearing.transitioned",
      entity: "Hearing",
      entityId: id,
      data: { from: h.status, to, reason },
    });
    const row = await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude });
    return toHearingView(row);
  });
}

/** Changes a milestone's offset (its date follows), its owner, or marks it done / not done. */
export async function updateMilestone(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  requireRole(actor, ["ADVISER", "LEADER", "ADMIN"]);
  const data = parseInput(updateMilestoneInput, input);
  return db.$transaction(async (tx) => {
    const m = await tx.milestone.findFirst({
      where: { id: data.id, hearing: { organisationId: actor.organisationId } },
      include: { hearing: { select: { id: true, deadline: true } } },
    });
    if (!m) throw new AppError("NOT_FOUND", "milestoneNotFound");
    // Leaders may tick off their own milestones; changing the plan is for advisers and admins.
    const planning = data.offsetDays !== undefined || data.ownerId !== undefined;
    if (actor.role === "LEADER" && (planning || m.ownerId !== actor.id)) {
      throw new AppError("FORBIDDEN", "forbidden");
    }
    if (data.ownerId) {
      const owner = await tx.user.findFirst({
        where: { id: data.ownerId, organisationId: actor.organisationId, active: true },
      });
      if (!owner) throw new AppError("BAD_REQUEST", "invalid", { fieldErrors: { ownerId: ["unknownUser"] } });
    }
    const update: Prisma.MilestoneUpdateInput = {};
    if (data.offsetDays !== undefined) {
      update.offsetDays = data.offsetDays;
      update.dueDate = dateOnlyToDb(subtractWorkingDays(dbToDateOnly(m.hearing.deadline), data.offsetDays));
    }
    if (data.ownerId !== undefined)
      update.owner = data.ownerId ? { connect: { id: data.ownerId } } : { disconnect: true };
    if (data.done !== undefined) {
      update.doneAt = data.done ? now : null;
      update.doneById = data.done ? actor.id : null;
    }
    const saved = await tx.milestone.update({ where: { id: m.id }, data: update });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "milestone.updated",
      entity: "Hearing",
      entityId: m.hearing.id,
      data: {
        kind: m.kind,
        ...(data.offsetDays !== undefined
          ? { offsetDays: data.offsetDays, dueDate: dbToDateOnly(saved.dueDate) }
          : {}),
        ...(data.ownerId !== undefined ? { ownerId: data.ownerId } : {}),
        ...(data.done !== undefined ? { done: data.done } : {}),
      },
    });
    return { id: saved.id, dueDate: dbToDateOnly(saved.dueDate), doneAt: saved.doneAt };
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

export { hearingInclude };

/** The full history of a hearing as JSON-ready data, for export (every event, oldest first, with names). */
export async function exportHearingHistory(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const hearing = await db.hearing.findFirst({ where: { id, organisationId: actor.organisationId } });
  if (!hearing) throw new AppError("NOT_FOUND", "hearingNotFound");
  const events = (await listHearingHistory(db, id)).reverse();
  const users = await db.user.findMany({
    where: { organisationId: actor.organisationId },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    hearing: { id: hearing.id, title: hearing.title, status: hearing.status },
    exportedAt: new Date().toISOString(),
    events: events.map((e) => ({
      id: e.id.toString(),
      at: e.createdAt.toISOString(),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      actorId: e.actorId,
      actor: e.actorId ? (names.get(e.actorId) ?? null) : null,
      data: e.data,
    })),
  };
}
