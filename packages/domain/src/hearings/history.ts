import { z } from "zod";
import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { listHearingHistory } from "../common/audit";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";

/** The full history of a hearing as JSON-ready data, for export (every event, oldest first, with names). */
export async function exportHearingHistory(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const hearing = await db.hearing.findFirst({ where: { id, organisationId: actor.organisationId } });
  if (!hearing) throw new AppError("NOT_FOUND", "hearingNotFound");
  const events = (await listHearingHistory(db, id, actor.organisationId)).reverse();
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
      actor: e.actorName,
      data: e.data,
    })),
  };
}
