import type { Db } from "@innspill/db";
import { dateOnlyToDb, dbToDateOnly } from "../dates";
import { getOrganisationSettings } from "../settings";
import { MILESTONE_TARGET_STATUS, planMilestones } from "./milestones";
import { statusRank } from "./workflow";

/**
 * Gives every hearing without milestones its plan from the organisation's offsets (hearings registered before
 * milestones existed, or imported). Milestones the status has already passed are marked done. Idempotent; run at start.
 */
export async function backfillMilestones(db: Db, now: Date = new Date()) {
  const hearings = await db.hearing.findMany({
    where: { milestones: { none: {} } },
    select: { id: true, organisationId: true, deadline: true, responsibleId: true, status: true },
  });
  const settingsByOrg = new Map<string, Awaited<ReturnType<typeof getOrganisationSettings>>>();
  for (const h of hearings) {
    let settings = settingsByOrg.get(h.organisationId);
    if (!settings) {
      settings = await getOrganisationSettings(db, h.organisationId);
      settingsByOrg.set(h.organisationId, settings);
    }
    const passed = (kind: keyof typeof MILESTONE_TARGET_STATUS) =>
      h.status !== "SVARER_IKKE" && statusRank(h.status) >= statusRank(MILESTONE_TARGET_STATUS[kind]);
    await db.milestone.createMany({
      data: planMilestones(dbToDateOnly(h.deadline), settings.milestoneOffsets).map((m) => ({
        hearingId: h.id,
        kind: m.kind,
        offsetDays: m.offsetDays,
        dueDate: dateOnlyToDb(m.dueDate),
        ownerId: h.responsibleId,
        doneAt: passed(m.kind) ? now : null,
      })),
      skipDuplicates: true,
    });
  }
  return { hearings: hearings.length };
}
