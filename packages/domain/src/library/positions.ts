import { z } from "zod";
import type { Db, DbTx, Position, Prisma } from "@innspill/db";
import { PositionStatus } from "@innspill/db/enums";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb, dbToDateOnly } from "../dates/dates";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";
import { bodyPositionIds, type BlockBody } from "./body";
import { wordDiff } from "./diff";
import { lockVersioned } from "../common/locking";
import { userNames } from "../common/locking";
import { afterUpdated, pageLimit, updatedCursor, updatedPage } from "../common/paging";

export const positionFields = z.object({
  statement: fields.requiredText(2000, "textTooLong"),
  topics: fields.topics(),
  source: fields.optionalText(300, "textTooLong"),
  adoptedOn: fields.optionalDateOnly(),
  owningUnit: fields.optionalText(200, "textTooLong"),
});

export const createPositionInput = positionFields.extend({
  status: z.enum(PositionStatus, { error: "invalid" }).default("DRAFT"),
  reason: fields.optionalText(1000, "textTooLong"),
});

export const updatePositionInput = z.object({
  id: fields.id(),
  version: fields.version(),
  data: positionFields,
  status: z.enum(PositionStatus, { error: "invalid" }),
  replacedById: fields.optionalId(),
  reason: fields.requiredText(1000, "textTooLong"),
});

/** A page of the position register. */
const POSITION_PAGE = 50;

export const listPositionsInput = z
  .object({
    status: z.enum(PositionStatus, { error: "invalid" }).optional(),
    /** Only positions that may still be added to a text: drafts and active ones. */
    usable: z.boolean().optional(),
    topic: z.string().trim().max(100, { error: "textTooLong" }).optional(),
    /** Words the statement contains, in any case and order: how the pickers find a position. */
    q: z.string().trim().max(200, { error: "textTooLong" }).optional(),
    limit: pageLimit(POSITION_PAGE),
    /** The last position of the page before: when it was changed, and its id. */
    cursor: updatedCursor(),
  })
  .default({ limit: POSITION_PAGE });

export const lookupPositionsInput = z.object({
  ids: z.array(fields.id()).max(500, { error: "invalid" }),
});

function snapshot(p: Position) {
  return {
    statement: p.statement,
    topics: p.topics,
    source: p.source,
    adoptedOn: p.adoptedOn,
    owningUnit: p.owningUnit,
    status: p.status,
    replacedById: p.replacedById,
  };
}

async function writeVersion(tx: DbTx, p: Position, reason: string, actor: Actor) {
  const last = await tx.positionVersion.findFirst({
    where: { positionId: p.id },
    orderBy: { number: "desc" },
  });
  return tx.positionVersion.create({
    data: { positionId: p.id, number: (last?.number ?? 0) + 1, ...snapshot(p), reason, authorId: actor.id },
  });
}

/** Creates a position in the caller's transaction (also used by the platform import). */
export async function insertPosition(
  tx: DbTx,
  data: z.output<typeof positionFields> & { status: PositionStatus },
  reason: string,
  actor: Actor,
) {
  const p = await tx.position.create({
    data: {
      organisationId: actor.organisationId,
      statement: data.statement,
      topics: data.topics,
      source: data.source,
      adoptedOn: data.adoptedOn ? dateOnlyToDb(data.adoptedOn) : null,
      owningUnit: data.owningUnit,
      status: data.status,
    },
  });
  await writeVersion(tx, p, reason, actor);
  return p;
}

export async function createPosition(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const data = parseInput(createPositionInput, input);
  return db.$transaction(async (tx) => {
    const p = await insertPosition(tx, data, data.reason ?? "Opprettet", actor);
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "position.created",
      entity: "Position",
      entityId: p.id,
    });
    return p;
  });
}

/**
 * Every change is a new immutable version with a reason. Saved only if nobody saved in between (CONFLICT with the
 * current position otherwise). Retiring needs no replacement, but a replacement must be another active position.
 */
export async function updatePosition(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const { id, version, data, status, replacedById, reason } = parseInput(updatePositionInput, input);
  return db.$transaction(async (tx) => {
    await lockVersioned(
      tx,
      "Position",
      { id, organisationId: actor.organisationId },
      {
        version,
        notFound: "positionNotFound",
        conflict: "positionConflict",
        current: () => tx.position.findUniqueOrThrow({ where: { id } }),
      },
    );
    if (replacedById) {
      if (replacedById === id || status !== "RETIRED") {
        throw new AppError("BAD_REQUEST", "invalid", {
          fieldErrors: { replacedById: ["replacementInvalid"] },
        });
      }
      const replacement = await tx.position.findFirst({
        where: { id: replacedById, organisationId: actor.organisationId, status: "ACTIVE" },
      });
      if (!replacement) {
        throw new AppError("BAD_REQUEST", "invalid", {
          fieldErrors: { replacedById: ["replacementInvalid"] },
        });
      }
    }
    const p = await tx.position.update({
      where: { id },
      data: {
        statement: data.statement,
        topics: data.topics,
        source: data.source,
        adoptedOn: data.adoptedOn ? dateOnlyToDb(data.adoptedOn) : null,
        owningUnit: data.owningUnit,
        status,
        replacedById: status === "RETIRED" ? replacedById : null,
        version: { increment: 1 },
      },
    });
    const v = await writeVersion(tx, p, reason, actor);
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "position.updated",
      entity: "Position",
      entityId: id,
      data: { version: v.number, status, reason },
    });
    return p;
  });
}

/** The position register, most recently changed first, a page at a time with the total on the first. */
export async function listPositions(db: Db, input: unknown, actor: Actor) {
  const q = parseInput(listPositionsInput, input);
  const words = (q.q ?? "").split(/\s+/).filter(Boolean).slice(0, 10);
  const where: Prisma.PositionWhereInput = {
    organisationId: actor.organisationId,
    ...(q.status ? { status: q.status } : q.usable ? { status: { not: "RETIRED" } } : {}),
    ...(q.topic ? { topics: { has: q.topic } } : {}),
    ...(words.length
      ? { AND: words.map((w) => ({ statement: { contains: w, mode: "insensitive" as const } })) }
      : {}),
  };
  const after = afterUpdated(q.cursor);
  const [rows, total] = await Promise.all([
    db.position.findMany({
      where: after ? { AND: [where, after] } : where,
      select: {
        id: true,
        statement: true,
        status: true,
        source: true,
        topics: true,
        updatedAt: true,
      },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: q.limit + 1,
    }),
    q.cursor ? null : db.position.count({ where }),
  ]);
  const page = updatedPage(rows, q.limit);
  // The page's uses, counted for its rows only (a relation `_count` groups every usage of the archive).
  const uses = await db.positionUsage.groupBy({
    by: ["positionId"],
    where: { positionId: { in: page.items.map((p) => p.id) } },
    _count: { _all: true },
  });
  const count = new Map(uses.map((u) => [u.positionId, u._count._all]));
  return {
    items: page.items.map((p) => ({ ...p, usageCount: count.get(p.id) ?? 0 })),
    total,
    nextCursor: page.nextCursor,
  };
}

/** The statements of the positions the texts name (the organisation's own), by id: what their plain text shows. */
export async function positionStatements(db: Db | DbTx, organisationId: string, bodies: BlockBody[]) {
  const ids = [...new Set(bodies.flatMap(bodyPositionIds))];
  const rows = ids.length
    ? await db.position.findMany({
        where: { id: { in: ids }, organisationId },
        select: { id: true, statement: true },
      })
    : [];
  return new Map(rows.map((r) => [r.id, r.statement]));
}

/** The statements and status of the positions a text names, for showing them by name. */
export async function lookupPositions(db: Db, input: unknown, actor: Actor) {
  const { ids } = parseInput(lookupPositionsInput, input);
  if (!ids.length) return [];
  return db.position.findMany({
    where: { id: { in: [...new Set(ids)] }, organisationId: actor.organisationId },
    select: { id: true, statement: true, status: true },
  });
}

export async function getPosition(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const p = await db.position.findFirst({
    where: { id, organisationId: actor.organisationId },
    include: {
      replacedBy: { select: { id: true, statement: true, status: true } },
      replaces: { select: { id: true, statement: true } },
      versions: { orderBy: { number: "desc" } },
      usages: { orderBy: { usedOn: "desc" }, take: 100 },
    },
  });
  if (!p) throw new AppError("NOT_FOUND", "positionNotFound");
  const names = await userNames(
    db,
    actor.organisationId,
    p.versions.map((v) => v.authorId),
  );
  const hearings = await db.hearing.findMany({
    where: { id: { in: p.usages.map((u) => u.hearingId).filter((x): x is string => !!x) } },
    select: { id: true, title: true },
  });
  const hearingTitle = new Map(hearings.map((h) => [h.id, h.title]));
  return {
    ...p,
    adoptedOn: p.adoptedOn ? dbToDateOnly(p.adoptedOn) : null,
    usages: p.usages.map((u) => ({
      ...u,
      usedOn: dbToDateOnly(u.usedOn),
      hearing: u.hearingId ? (hearingTitle.get(u.hearingId) ?? null) : null,
    })),
    versions: p.versions.map((v, i) => {
      const previous = p.versions[i + 1];
      return {
        id: v.id,
        number: v.number,
        status: v.status,
        reason: v.reason,
        author: v.authorId ? (names.get(v.authorId) ?? null) : null,
        createdAt: v.createdAt,
        statement: v.statement,
        diff: previous ? wordDiff(previous.statement, v.statement) : null,
      };
    }),
  };
}
