/** Editing a hearing's milestones: offset, owner, done. */
import type { Db, Prisma } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { can } from "../access/permissions";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb, dbToDateOnly } from "../dates/dates";
import { AppError } from "../common/errors";
import { parseInput } from "../common/validation";
import { subtractWorkingDays } from "../dates/workdays";
import { updateMilestoneInput } from "./schemas";

/** Changes a milestone's offset (its date follows), its owner, or marks it done / not done. */
export async function updateMilestone(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  authorize(actor, "milestone.markOwnDone");
  const data = parseInput(updateMilestoneInput, input);
  return db.$transaction(async (tx) => {
    const m = await tx.milestone.findFirst({
      where: { id: data.id, hearing: { organisationId: actor.organisationId } },
      include: { hearing: { select: { id: true, deadline: true } } },
    });
    if (!m) throw new AppError("NOT_FOUND", "milestoneNotFound");
    // Changing the plan (offset, owner) and ticking off anyone's milestone are actions of their own; anyone may
    // tick off a milestone they own (access/permissions.ts).
    const planning = data.offsetDays !== undefined || data.ownerId !== undefined;
    const allowed = planning
      ? can(actor, "milestone.plan")
      : can(actor, "milestone.markDone") || (m.ownerId === actor.id && can(actor, "milestone.markOwnDone"));
    if (!allowed) throw new AppError("FORBIDDEN", "forbidden");
    // Two people changing one milestone at once: the second is told, nothing is overwritten silently.
    const [locked] = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM "Milestone" WHERE id = ${m.id}::uuid FOR UPDATE`;
    if (locked!.version !== data.version)
      throw new AppError("CONFLICT", "milestoneConflict", {
        details: { current: { version: locked!.version } },
      });
    if (data.ownerId) {
      const owner = await tx.user.findFirst({
        where: { id: data.ownerId, organisationId: actor.organisationId, active: true },
      });
      if (!owner) throw new AppError("BAD_REQUEST", "invalid", { fieldErrors: { ownerId: ["unknownUser"] } });
    }
    const update: Prisma.MilestoneUpdateInput = { version: { increment: 1 } };
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
