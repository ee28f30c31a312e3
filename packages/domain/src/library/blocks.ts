import { z } from "zod";
import type { Db, DbTx, Prisma } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { fields, MAX_INT, parseInput } from "../common/validation";
import { blockBody, bodyFactKeys, bodyPositionIds, bodyToPlainText, emptyBody, type BlockBody } from "./body";
import { wordDiff } from "./diff";
import { lockVersioned } from "../common/locking";
import { userNames } from "../common/locking";
import { pageLimit } from "../common/paging";
import { positionStatements } from "./positions";

const topicsField = z
  .array(z.string().trim().min(1).max(60, { error: "topicTooLong" }))
  .max(20, { error: "tooManyTopics" })
  .default([]);

export const createBlockInput = z.object({
  heading: fields.requiredText(200, "titleTooLong"),
  topics: topicsField,
});

export const saveBlockDraftInput = z.object({
  id: fields.id(),
  version: fields.version(),
  heading: fields.requiredText(200, "titleTooLong"),
  topics: topicsField,
  body: blockBody,
});

export const publishBlockInput = z.object({
  id: fields.id(),
  version: fields.version(),
  reason: z.string({ error: "publishNeedsReason" }).trim().min(1, { error: "publishNeedsReason" }).max(1000),
});

export const blockVersionsInput = z.object({
  id: fields.id(),
  from: z.int().min(1).max(MAX_INT),
  to: z.int().min(1).max(MAX_INT),
});

async function checkReferences(tx: DbTx, body: BlockBody, actor: Actor) {
  const ids = [...new Set(bodyPositionIds(body))];
  if (ids.length) {
    const found = await tx.position.count({
      where: { id: { in: ids }, organisationId: actor.organisationId },
    });
    if (found !== ids.length)
      throw new AppError("BAD_REQUEST", "unknownPositions", { fieldErrors: { body: ["unknownPositions"] } });
  }
  const keys = bodyFactKeys(body);
  if (keys.length) {
    const found = await tx.fact.count({ where: { key: { in: keys }, organisationId: actor.organisationId } });
    if (found !== keys.length)
      throw new AppError("BAD_REQUEST", "unknownFacts", { fieldErrors: { body: ["unknownFacts"] } });
  }
}

export async function createBlock(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const data = parseInput(createBlockInput, input);
  return db.$transaction(async (tx) => {
    const block = await tx.textBlock.create({
      data: {
        organisationId: actor.organisationId,
        heading: data.heading,
        topics: data.topics,
        body: emptyBody() as Prisma.InputJsonValue,
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "block.created",
      entity: "TextBlock",
      entityId: block.id,
    });
    return block;
  });
}

async function lockBlock(tx: DbTx, id: string, version: number, actor: Actor) {
  await lockVersioned(
    tx,
    "TextBlock",
    { id, organisationId: actor.organisationId },
    {
      version,
      notFound: "blockNotFound",
      conflict: "blockConflict",
      current: () => tx.textBlock.findUniqueOrThrow({ where: { id } }),
    },
  );
}

/** Saves the working draft. A save from an older draft version is a CONFLICT carrying the current draft. */
export async function saveBlockDraft(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const data = parseInput(saveBlockDraftInput, input);
  return db.$transaction(async (tx) => {
    await lockBlock(tx, data.id, data.version, actor);
    await checkReferences(tx, data.body, actor);
    return tx.textBlock.update({
      where: { id: data.id },
      data: {
        heading: data.heading,
        topics: data.topics,
        body: data.body as Prisma.InputJsonValue,
        version: { increment: 1 },
      },
    });
  });
}

/** Publishes a new immutable version from an existing draft (with a reason). Also used by the platform import. */
export async function insertPublishedVersion(
  tx: DbTx,
  block: { id: string; heading: string; body: BlockBody; topics: string[] },
  reason: string,
  actor: Actor,
) {
  const last = await tx.textBlockVersion.findFirst({
    where: { blockId: block.id },
    orderBy: { number: "desc" },
  });
  const version = await tx.textBlockVersion.create({
    data: {
      blockId: block.id,
      number: (last?.number ?? 0) + 1,
      heading: block.heading,
      body: block.body as Prisma.InputJsonValue,
      plainText: bodyToPlainText(
        block.body,
        await positionStatements(tx, actor.organisationId, [block.body]),
      ),
      topics: block.topics,
      reason,
      authorId: actor.id,
    },
  });
  await tx.textBlock.update({ where: { id: block.id }, data: { publishedVersionId: version.id } });
  return version;
}

export async function publishBlock(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const { id, version, reason } = parseInput(publishBlockInput, input);
  return db.$transaction(async (tx) => {
    await lockBlock(tx, id, version, actor);
    const block = await tx.textBlock.findUniqueOrThrow({ where: { id } });
    const body = parseInput(blockBody, block.body);
    await checkReferences(tx, body, actor);
    const v = await insertPublishedVersion(tx, { ...block, body }, reason, actor);
    await tx.textBlock.update({ where: { id }, data: { version: { increment: 1 } } });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "block.published",
      entity: "TextBlock",
      entityId: id,
      data: { number: v.number, reason },
    });
    return { number: v.number, id: v.id };
  });
}

/** A page of the block register. */
const BLOCK_PAGE = 50;

export const listBlocksInput = z
  .object({
    /** Only blocks with this topic. */
    topic: z.string().trim().max(100, { error: "textTooLong" }).optional(),
    /** Only published blocks (what a letter can use). */
    published: z.boolean().default(false),
    limit: pageLimit(BLOCK_PAGE),
    /** The last block of the page before: its heading and id, the sort key itself. */
    cursor: z.object({ heading: z.string().max(500), id: fields.id() }).nullish(),
  })
  .default({ published: false, limit: BLOCK_PAGE });

/** The block register by heading, a page at a time, with the total for the first page. */
export async function listBlocks(db: Db, input: unknown, actor: Actor) {
  const q = parseInput(listBlocksInput, input);
  const where: Prisma.TextBlockWhereInput = {
    organisationId: actor.organisationId,
    ...(q.topic ? { topics: { has: q.topic } } : {}),
    ...(q.published ? { publishedVersionId: { not: null } } : {}),
  };
  // After the cursor; `gte` as well gives the index scan its start (Prisma has no row comparison).
  const after = q.cursor
    ? {
        heading: { gte: q.cursor.heading },
        OR: [{ heading: { gt: q.cursor.heading } }, { heading: q.cursor.heading, id: { gt: q.cursor.id } }],
      }
    : null;
  const [rows, total] = await Promise.all([
    db.textBlock.findMany({
      where: after ? { AND: [where, after] } : where,
      select: {
        id: true,
        heading: true,
        topics: true,
        updatedAt: true,
        versions: {
          select: { number: true, id: true, createdAt: true },
          orderBy: { number: "desc" },
          take: 1,
        },
      },
      orderBy: [{ heading: "asc" }, { id: "asc" }],
      take: q.limit + 1,
    }),
    q.cursor ? null : db.textBlock.count({ where }),
  ]);
  const items = rows.slice(0, q.limit).map(({ versions, ...b }) => ({
    id: b.id,
    heading: b.heading,
    topics: b.topics,
    updatedAt: b.updatedAt,
    latest: versions[0] ?? null,
  }));
  const last = items.at(-1);
  return {
    items,
    total,
    nextCursor: rows.length > q.limit && last ? { heading: last.heading, id: last.id } : null,
  };
}

/** The topics of the published blocks, for the composer's topic filter. */
export async function listBlockTopics(db: Db, actor: Actor) {
  const rows = await db.$queryRaw<{ topic: string }[]>`
    SELECT DISTINCT unnest(topics) AS topic FROM "TextBlock"
     WHERE "organisationId" = ${actor.organisationId}::uuid AND "publishedVersionId" IS NOT NULL
     LIMIT 1000`;
  return rows.map((r) => r.topic).sort((a, b) => a.localeCompare(b, "nb"));
}

export async function getBlock(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const block = await db.textBlock.findFirst({
    where: { id, organisationId: actor.organisationId },
    include: {
      versions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, heading: true, reason: true, authorId: true, createdAt: true },
      },
    },
  });
  if (!block) throw new AppError("NOT_FOUND", "blockNotFound");
  const names = await userNames(
    db,
    actor.organisationId,
    block.versions.map((v) => v.authorId),
  );
  return {
    ...block,
    body: blockBody.safeParse(block.body).success ? (block.body as BlockBody) : emptyBody(),
    versions: block.versions.map((v) => ({
      ...v,
      author: v.authorId ? (names.get(v.authorId) ?? null) : null,
    })),
  };
}

/** Two published versions side by side, with a word diff of their text. */
export async function diffBlockVersions(db: Db, input: unknown, actor: Actor) {
  const { id, from, to } = parseInput(blockVersionsInput, input);
  const versions = await db.textBlockVersion.findMany({
    where: { blockId: id, number: { in: [from, to] }, block: { organisationId: actor.organisationId } },
  });
  const a = versions.find((v) => v.number === from);
  const b = versions.find((v) => v.number === to);
  if (!a || !b) throw new AppError("NOT_FOUND", "blockVersionNotFound");
  return {
    from: {
      number: a.number,
      heading: a.heading,
      text: a.plainText,
      reason: a.reason,
      createdAt: a.createdAt,
    },
    to: { number: b.number, heading: b.heading, text: b.plainText, reason: b.reason, createdAt: b.createdAt },
    headingDiff: wordDiff(a.heading, b.heading),
    diff: wordDiff(a.plainText, b.plainText),
  };
}

/** One published version, whole: what a letter pins when it adds the block. */
export async function getBlockVersion(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const v = await db.textBlockVersion.findFirst({
    where: { id, block: { organisationId: actor.organisationId } },
  });
  if (!v) throw new AppError("NOT_FOUND", "blockVersionNotFound");
  return {
    blockId: v.blockId,
    versionId: v.id,
    number: v.number,
    heading: v.heading,
    body: parseInput(blockBody, v.body),
    plainText: v.plainText,
  };
}
