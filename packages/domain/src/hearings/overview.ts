import type { Db, HearingStatus } from "@innspill/db";
import { endOfISOWeek, parseISO, format } from "date-fns";
import type { Actor } from "../actor";
import { dateOnlyToDb, osloDate } from "../dates";
import { OPEN_STATUSES, HEARING_STATUSES, toHearingView } from "./index";

const include = {
  issuingBody: { select: { id: true, name: true, type: true } },
  responsible: { select: { id: true, name: true } },
} as const;

/** The Oversikt dashboard: my open hearings, due this week, overdue, and counts per status. */
export async function getOverview(db: Db, actor: Actor, now: Date = new Date()) {
  const today = osloDate(now);
  const weekEnd = format(endOfISOWeek(parseISO(today)), "yyyy-MM-dd");
  const org = { organisationId: actor.organisationId };
  const open = { in: OPEN_STATUSES as HearingStatus[] };
  const [mine, dueThisWeek, overdue, grouped] = await Promise.all([
    db.hearing.findMany({
      where: { ...org, status: open, responsibleId: actor.id },
      include,
      orderBy: { deadline: "asc" },
      take: 50,
    }),
    db.hearing.findMany({
      where: { ...org, status: open, deadline: { gte: dateOnlyToDb(today), lte: dateOnlyToDb(weekEnd) } },
      include,
      orderBy: { deadline: "asc" },
    }),
    db.hearing.findMany({
      where: { ...org, status: open, overdueSince: { not: null } },
      include,
      orderBy: { deadline: "asc" },
    }),
    db.hearing.groupBy({ by: ["status"], where: org, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(HEARING_STATUSES.map((s) => [s, 0])) as Record<HearingStatus, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  return {
    today,
    mine: mine.map(toHearingView),
    dueThisWeek: dueThisWeek.map(toHearingView),
    overdue: overdue.map(toHearingView),
    counts,
  };
}
