import type { Db, HearingStatus, MilestoneKind } from "@innspill/db";
import { z } from "zod";
import type { Actor } from "../access/actor";
import {
  dateOnlyToDb,
  dbToDateOnly,
  endOfIsoWeek,
  endOfMonth,
  osloDate,
  type DateOnly,
} from "../dates/dates";
import { parseInput } from "../common/validation";
import { HEARING_STATUSES, OPEN_STATUSES } from "./constants";
import { hearingListSelect, isMilestoneLate, toHearingListItem } from "./views";
import { listWaitingForMe } from "../submissions/waiting";

/** At most this many open hearings across Oversikt's lists (mine, due this week, overdue, at risk). */
const OVERVIEW_LIMIT = 500;

/** The Oversikt dashboard: letters waiting for me (a leader), my hearings, due this week, overdue, at risk, counts per status, decisions per quarter. */
export async function getOverview(db: Db, actor: Actor, now: Date = new Date()) {
  const today = osloDate(now);
  const weekEnd = endOfIsoWeek(today);
  const org = { organisationId: actor.organisationId };
  const open = { in: OPEN_STATUSES as HearingStatus[] };
  const mineWhere = { OR: [{ responsibleId: actor.id }, { participants: { some: { userId: actor.id } } }] };
  const dueThisWeekWhere = { deadline: { gte: dateOnlyToDb(today), lte: dateOnlyToDb(weekEnd) } };
  const passedMilestoneWhere = {
    overdueSince: null,
    milestones: { some: { doneAt: null, dueDate: { lt: dateOnlyToDb(today) } } },
  };
  // The open hearings any of the lists shows, in one read (each list is a filter of it below); the lists are short
  // by their nature, and OVERVIEW_LIMIT bounds them all.
  const [waitingForMe, shown, grouped, decisions] = await Promise.all([
    listWaitingForMe(db, actor),
    db.hearing.findMany({
      where: {
        ...org,
        status: open,
        OR: [mineWhere, dueThisWeekWhere, { overdueSince: { not: null } }, passedMilestoneWhere],
      },
      // What the lists show, and what picks a hearing for each.
      select: {
        ...hearingListSelect,
        responsibleId: true,
        participants: { select: { userId: true } },
        milestones: { select: { kind: true, dueDate: true, doneAt: true } },
      },
      orderBy: [{ deadline: "asc" }, { title: "asc" }],
      take: OVERVIEW_LIMIT,
    }),
    db.hearing.groupBy({ by: ["status"], where: org, _count: { _all: true } }),
    countDecisionsByQuarter(db, actor),
  ]);
  const counts = Object.fromEntries(HEARING_STATUSES.map((s) => [s, 0])) as Record<HearingStatus, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  const hearings = shown.map((h) => ({
    row: h,
    // The milestones passed while the hearing is behind them.
    view: {
      ...toHearingListItem(h),
      lateMilestones: h.milestones
        .filter((m) =>
          isMilestoneLate(
            { kind: m.kind, dueDate: dbToDateOnly(m.dueDate), doneAt: m.doneAt },
            h.status,
            today,
          ),
        )
        .map((m) => m.kind),
    },
  }));
  const pick = (test: (h: (typeof shown)[number]) => boolean) =>
    hearings.filter((h) => test(h.row)).map((h) => h.view);
  const weekFrom = dateOnlyToDb(today).getTime();
  const weekTo = dateOnlyToDb(weekEnd).getTime();
  const mine = pick(
    (h) => h.responsibleId === actor.id || h.participants.some((p) => p.userId === actor.id),
  ).slice(0, 50);
  const dueThisWeek = pick((h) => h.deadline.getTime() >= weekFrom && h.deadline.getTime() <= weekTo);
  const overdue = pick((h) => h.overdueSince !== null);
  const atRisk = pick((h) => h.overdueSince === null).filter((h) => h.lateMilestones.length > 0);
  return {
    today,
    waitingForMe,
    mine,
    dueThisWeek,
    overdue,
    atRisk,
    counts,
    decisions,
  };
}

/** Hearings answered and declined per quarter (by when the decision was made, in Oslo time). */
export async function countDecisionsByQuarter(db: Db, actor: Actor) {
  const rows = await db.$queryRaw<{ period: string; decision: string; n: number }[]>`
    SELECT to_char(date_trunc('quarter', ("decidedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Oslo'), 'YYYY-"K"Q') AS period,
           decision::text AS decision, count(*)::int AS n
      FROM "Hearing"
     WHERE "organisationId" = ${actor.organisationId}::uuid AND decision IS NOT NULL AND "decidedAt" IS NOT NULL
     GROUP BY 1, 2 ORDER BY 1 DESC`;
  const periods = new Map<string, { period: string; answered: number; declined: number }>();
  for (const r of rows) {
    const p = periods.get(r.period) ?? { period: r.period, answered: 0, declined: 0 };
    if (r.decision === "SVARER") p.answered += r.n;
    else p.declined += r.n;
    periods.set(r.period, p);
  }
  return [...periods.values()].slice(0, 8);
}

export const calendarMonthInput = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "invalid" }),
});

interface CalendarEvent {
  date: DateOnly;
  type: "deadline" | "milestone";
  milestone: MilestoneKind | null;
  hearingId: string;
  title: string;
  done: boolean;
  late: boolean;
}

/** Deadlines and milestones of the month, for the calendar on Oversikt (declined hearings left out). */
export async function getCalendarMonth(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  const { month } = parseInput(calendarMonthInput, input);
  const first = `${month}-01`;
  const last = endOfMonth(first);
  const range = { gte: dateOnlyToDb(first), lte: dateOnlyToDb(last) };
  const today = osloDate(now);
  const org = { organisationId: actor.organisationId, status: { not: "SVARER_IKKE" as const } };
  const [hearings, milestones] = await Promise.all([
    db.hearing.findMany({
      where: { ...org, deadline: range },
      select: { id: true, title: true, deadline: true, status: true },
    }),
    db.milestone.findMany({
      where: { dueDate: range, hearing: org },
      select: {
        kind: true,
        dueDate: true,
        doneAt: true,
        hearing: { select: { id: true, title: true, status: true } },
      },
    }),
  ]);
  const events: CalendarEvent[] = [
    ...hearings.map((h) => ({
      date: dbToDateOnly(h.deadline),
      type: "deadline" as const,
      milestone: null,
      hearingId: h.id,
      title: h.title,
      done: ["SENDT", "ARKIVERT"].includes(h.status),
      late: false,
    })),
    ...milestones.map((m) => {
      const date = dbToDateOnly(m.dueDate);
      return {
        date,
        type: "milestone" as const,
        milestone: m.kind,
        hearingId: m.hearing.id,
        title: m.hearing.title,
        done: !!m.doneAt,
        late: isMilestoneLate({ kind: m.kind, dueDate: date, doneAt: m.doneAt }, m.hearing.status, today),
      };
    }),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type));
  return { month, first, last, today, events };
}
