/**
 * Registering and editing hearings. An edit names the version it read; the row is locked and compared, so a
 * concurrent edit is a CONFLICT carrying the current hearing, never a silent overwrite.
 */
import type { Db, DbTx, Hearing, Prisma } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb, dbToDateOnly, formatDate, osloDate, type DateOnly } from "../dates/dates";
import { AppError } from "../common/errors";
import { notify } from "../notifications/notifications";
import { getOrganisationSettings } from "../organisation/settings";
import { parseInput } from "../common/validation";
import { planMilestoneMoves, planMilestones } from "./milestones";
import { HEARING_COLUMN_FIELDS } from "./constants";
import { createHearingInput, updateHearingInput, type HearingFields } from "./schemas";
import { hearingInclude, toHearingView, type HearingRow } from "./views";
import { lockVersioned } from "../common/locking";
import { registerJournal } from "../noark/journal";

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

/**
 * Registers a hearing. Its responsible adviser defaults to the adviser registering it: when the input leaves
 * `responsibleId` out (the form starts with it filled in likewise); an explicit empty value or null means nobody.
 */
export async function createHearing(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "hearing.create");
  const data = parseInput(createHearingInput, withDefaultResponsible(input, actor));
  await checkReferences(db, data, actor);
  const settings = await getOrganisationSettings(db, actor.organisationId);
  return db.$transaction(async (tx) => {
    const id = await insertHearing(tx, data, actor, settings);
    const row = await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude });
    return toHearingView(row);
  });
}

/** The registering adviser as the responsible one, when the input does not name one (leaders and admins: nobody). */
function withDefaultResponsible(input: unknown, actor: Actor): unknown {
  if (actor.role !== "ADVISER" || !input || typeof input !== "object" || Array.isArray(input)) return input;
  const given = (input as Record<string, unknown>).responsibleId;
  return given === undefined ? { ...input, responsibleId: actor.id } : input;
}

/**
 * A checked hearing written in the caller's transaction: its topics, participants and milestones, the audit event
 * and the notifications. Also used by the hearing radar's «Registrer», which adds documents in the same transaction.
 */
export async function insertHearing(
  tx: DbTx,
  data: HearingFields,
  actor: Actor,
  settings: Awaited<ReturnType<typeof getOrganisationSettings>>,
): Promise<string> {
  const created = await tx.hearing.create({
    data: { ...toColumns(data), organisationId: actor.organisationId },
  });
  await registerJournal(tx, created.id);
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
    message: {
      key: "notifyHearingAdded",
      params: { title: created.title, actor: actor.name, deadline: formatDate(data.deadline) },
    },
  });
  return created.id;
}

function comparable(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

/** Takes the row for update at the version the caller read, or explains why not (NOT_FOUND or CONFLICT). */
export async function lockAtVersion(tx: DbTx, id: string, version: number, actor: Actor) {
  await lockVersioned(
    tx,
    "Hearing",
    { id, organisationId: actor.organisationId },
    {
      version,
      notFound: "hearingNotFound",
      conflict: "hearingConflict",
      current: async () =>
        toHearingView(await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude })),
    },
  );
  return tx.hearing.findUniqueOrThrow({ where: { id }, include: { ...hearingInclude } });
}

/**
 * Saves an edit if nobody else saved in between: the row is locked and its version compared with the one the editor
 * read. Otherwise CONFLICT, carrying the current hearing so the editor can compare; nothing is overwritten.
 * A new deadline moves the milestones that are not done, and everyone involved is told what moved.
 */
export async function updateHearing(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  authorize(actor, "hearing.edit");
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

/** Moves the milestones after a new deadline and tells everyone involved. The actor is null-id for the radar. */
export async function moveDeadline(
  tx: DbTx,
  before: HearingRow,
  from: DateOnly,
  to: DateOnly,
  data: Pick<HearingFields, "title" | "responsibleId" | "participantIds">,
  actor: Pick<Actor, "organisationId" | "name"> & { id: string | null },
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
  await notify(tx, {
    userIds: [
      before.responsibleId,
      data.responsibleId,
      ...data.participantIds,
      ...before.participants.map((p) => p.user.id),
      ...before.milestones.map((m) => m.ownerId),
    ],
    exceptUserId: actor.id ?? undefined,
    hearingId: before.id,
    kind: "hearing.deadlineMoved",
    message: {
      key: "notifyDeadlineMoved",
      params: {
        title: data.title,
        actor: actor.name,
        from: formatDate(from),
        to: formatDate(to),
        moved: moves.length,
        // The kinds, not their names: each reader gets them in their language (i18n/labels.ts).
        moves: moves.map((m) => ({ kind: m.kind, from: formatDate(m.from), to: formatDate(m.to) })),
      },
    },
    email: true,
  });
}
