import { z } from "zod";
import { IssuingBodyType } from "@innspill/db/enums";
import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { lockVersioned } from "../common/locking";
import { fields, parseInput } from "../common/validation";

export const issuingBodyInput = z.object({
  name: fields.requiredText(200, "nameTooLong"),
  shortName: fields.optionalText(30, "textTooLong"),
  type: z.enum(IssuingBodyType, { error: "required" }),
});

export const updateIssuingBodyInput = issuingBodyInput.extend({
  id: fields.id(),
  version: fields.version(),
  active: z.boolean({ error: "invalid" }),
});

/** The managed list of issuing bodies (departementer, direktorater, komiteer, utvalg), with how many hearings each. */
export async function listIssuingBodies(db: Db, actor: Actor) {
  const rows = await db.issuingBody.findMany({
    where: { organisationId: actor.organisationId },
    include: { _count: { select: { hearings: true } } },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
  return rows.map(({ _count, ...b }) => ({ ...b, hearingCount: _count.hearings }));
}

async function ensureUniqueName(db: Db, actor: Actor, name: string, exceptId?: string) {
  const clash = await db.issuingBody.findFirst({
    where: {
      organisationId: actor.organisationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
  });
  if (clash)
    throw new AppError("CONFLICT", "issuingBodyExists", { fieldErrors: { name: ["issuingBodyExists"] } });
}

export async function createIssuingBody(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "issuingBody.edit");
  const data = parseInput(issuingBodyInput, input);
  await ensureUniqueName(db, actor, data.name);
  return db.$transaction(async (tx) => {
    const body = await tx.issuingBody.create({ data: { ...data, organisationId: actor.organisationId } });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "issuingBody.created",
      entity: "IssuingBody",
      entityId: body.id,
      data,
    });
    return body;
  });
}

/** Renames, retypes or (de)activates a body. An inactive body is not offered for new hearings but keeps its history. */
export async function updateIssuingBody(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "issuingBody.edit");
  const { id, version, ...data } = parseInput(updateIssuingBodyInput, input);
  const existing = await db.issuingBody.findFirst({ where: { id, organisationId: actor.organisationId } });
  if (!existing) throw new AppError("NOT_FOUND", "issuingBodyNotFound");
  await ensureUniqueName(db, actor, data.name, id);
  return db.$transaction(async (tx) => {
    await lockVersioned(
      tx,
      "IssuingBody",
      { id, organisationId: actor.organisationId },
      {
        version,
        notFound: "issuingBodyNotFound",
        conflict: "issuingBodyConflict",
        current: () => tx.issuingBody.findUnique({ where: { id } }),
      },
    );
    const body = await tx.issuingBody.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "issuingBody.updated",
      entity: "IssuingBody",
      entityId: id,
      data,
    });
    return body;
  });
}
