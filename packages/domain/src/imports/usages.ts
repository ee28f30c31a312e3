import { z } from "zod";
import { type Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { dbToDateOnly } from "../dates/dates";
import { fields, parseInput } from "../common/validation";

/** Where a block's versions were used: composed and imported letters, newest first. */
export async function listBlockUsages(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const rows = await db.blockUsage.findMany({
    where: { blockVersion: { blockId: id, block: { organisationId: actor.organisationId } } },
    include: { blockVersion: { select: { number: true } } },
    orderBy: { usedOn: "desc" },
    take: 200,
  });
  const hearings = await db.hearing.findMany({
    where: { id: { in: rows.map((r) => r.hearingId).filter((x): x is string => !!x) } },
    select: { id: true, title: true },
  });
  const title = new Map(hearings.map((h) => [h.id, h.title]));
  return rows.map((r) => ({
    id: r.id,
    version: r.blockVersion.number,
    origin: r.origin,
    usedOn: dbToDateOnly(r.usedOn),
    recipient: r.recipient,
    hearingId: r.hearingId,
    hearing: r.hearingId ? (title.get(r.hearingId) ?? null) : null,
    wording: r.wording,
  }));
}
