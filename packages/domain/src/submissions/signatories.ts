import type { Db, DbTx } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb, dbToDateOnly } from "../dates/dates";
import { AppError } from "../common/errors";
import { parseInput } from "../common/validation";
import { createSignatoryInput, updateSignatoryInput } from "./schemas";
import { lockVersioned } from "../common/locking";

/** A letter in these states names its signatories' logins in its approved plan (plan.ts). */
const SIGNING_IN_PROGRESS = ["AWAITING_APPROVAL", "APPROVED", "SIGNING"] as const;

const withTitles = { titles: { orderBy: { validFrom: "desc" as const } } };

function view(s: {
  id: string;
  name: string;
  userId: string | null;
  active: boolean;
  version: number;
  titles: { id: string; title: string; validFrom: Date; validTo: Date | null }[];
}) {
  return {
    id: s.id,
    name: s.name,
    userId: s.userId,
    active: s.active,
    version: s.version,
    titles: s.titles.map((t) => ({
      id: t.id,
      title: t.title,
      validFrom: dbToDateOnly(t.validFrom),
      validTo: t.validTo ? dbToDateOnly(t.validTo) : null,
    })),
  };
}
export type SignatoryView = ReturnType<typeof view>;

/** A signatory as its audit events record it, the login included. */
const audited = ({ name, userId, active, titles }: SignatoryView) => ({
  name,
  userId,
  active,
  titles: titles.map(({ title, validFrom, validTo }) => ({ title, validFrom, validTo })),
});

export async function listSignatories(db: Db, actor: Actor) {
  const rows = await db.signatory.findMany({
    where: { organisationId: actor.organisationId },
    include: withTitles,
    orderBy: { name: "asc" },
  });
  return rows.map(view);
}

async function checkUser(tx: DbTx, userId: string | null, actor: Actor, except?: string) {
  if (!userId) return;
  const user = await tx.user.findFirst({ where: { id: userId, organisationId: actor.organisationId } });
  if (!user) throw new AppError("BAD_REQUEST", "invalid", { fieldErrors: { userId: ["invalid"] } });
  const taken = await tx.signatory.findFirst({ where: { userId, NOT: { id: except } } });
  if (taken)
    throw new AppError("CONFLICT", "signatoryUserTaken", { fieldErrors: { userId: ["signatoryUserTaken"] } });
}

const titleRows = (titles: { title: string; validFrom: string; validTo: string | null }[]) =>
  titles.map((t) => ({
    title: t.title,
    validFrom: dateOnlyToDb(t.validFrom),
    validTo: t.validTo ? dateOnlyToDb(t.validTo) : null,
  }));

export async function createSignatory(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "signatory.edit");
  const data = parseInput(createSignatoryInput, input);
  return db.$transaction(async (tx) => {
    await checkUser(tx, data.userId, actor);
    const s = await tx.signatory.create({
      data: {
        organisationId: actor.organisationId,
        name: data.name,
        userId: data.userId,
        titles: { create: titleRows(data.titles) },
      },
      include: withTitles,
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "signatory.created",
      entity: "Signatory",
      entityId: s.id,
      data: { name: s.name, userId: s.userId, titles: data.titles },
    });
    return view(s);
  });
}

/** Replaces name, login and the whole list of titles; a stale `version` is a CONFLICT with the saved values. */
export async function updateSignatory(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "signatory.edit");
  const data = parseInput(updateSignatoryInput, input);
  return db.$transaction(async (tx) => {
    await lockVersioned(
      tx,
      "Signatory",
      { id: data.id, organisationId: actor.organisationId },
      {
        version: data.version,
        notFound: "signatoryNotFound",
        conflict: "signatoryConflict",
        current: async () =>
          view(await tx.signatory.findUniqueOrThrow({ where: { id: data.id }, include: withTitles })),
      },
    );
    const before = view(
      await tx.signatory.findUniqueOrThrow({ where: { id: data.id }, include: withTitles }),
    );
    await checkUser(tx, data.userId, actor, data.id);
    // Who signs for this person is part of what an approval names (plan.ts): not changed under a letter that awaits
    // approval or signing. (A change of name or title does not reach such a letter: it is signed as it was frozen.)
    if (data.userId !== before.userId) {
      const inFlight = await tx.submission.findMany({
        where: {
          organisationId: actor.organisationId,
          status: { in: [...SIGNING_IN_PROGRESS] },
          signatories: { some: { signatoryId: data.id } },
        },
        select: { id: true, title: true, status: true },
        take: 10,
      });
      if (inFlight.length)
        throw new AppError("CONFLICT", "signatoryInFlight", {
          fieldErrors: { userId: ["signatoryInFlight"] },
          details: { submissions: inFlight },
        });
    }
    await tx.signatoryTitle.deleteMany({ where: { signatoryId: data.id } });
    const s = await tx.signatory.update({
      where: { id: data.id },
      data: {
        name: data.name,
        userId: data.userId,
        active: data.active,
        version: { increment: 1 },
        titles: { create: titleRows(data.titles) },
      },
      include: withTitles,
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "signatory.updated",
      entity: "Signatory",
      entityId: s.id,
      // Before and after, the login included: who may sign for this person is what changed when it changes.
      data: { before: audited(before), after: audited(view(s)) },
    });
    return view(s);
  });
}
