/** Jobs that keep hearings in order: milestone plans for hearings without one, and marking overdue hearings. */
import { getOrganisationSettings } from "../organisation/settings";
import { MILESTONE_TARGET_STATUS, planMilestones } from "./milestones";
import { statusRank } from "./workflow";
import type { Db, HearingStatus } from "@innspill/db";
import { dateOnlyToDb, dbToDateOnly, osloDate, type DateOnly } from "../dates/dates";
import { OPEN_STATUSES } from "./constants";

/**
 * Gives every hearing without milestones its plan from the organisation's offsets (hearings registered before
 * milestones existed, or imported). Milestones the status has already passed are marked done. Idempotent; run at start.
 */
export async function backfillMilestones(db: Db, now: Date = new Date()) {
  const hearings = await db.hearing.findMany({
    // Only hearings still being worked on: imported, historical, declined and sent ones never get milestones.
    where: { milestones: { none: {} }, status: { in: OPEN_STATUSES as HearingStatus[] } },
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
