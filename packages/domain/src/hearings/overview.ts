import { Prisma, queryRows, type Db } from "@innspill/db";
import type { HearingStatus, MilestoneKind } from "@innspill/db/enums";
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
import { HEARING_LIST_COLUMNS, isMilestoneLate, toHearingListItem, type HearingListItem } from "./views";
import { listWaitingForMe } from "../submissions/waiting";

/** At most this many open hearings across Oversikt's lists (mine, due this week, overdue, at risk). */
const OVERVIEW_LIMIT = 500;

/** An open hearing one of Oversikt's lists shows, as read in SQL. */
interface OverviewRow extends HearingListItem {
  /** The actor is its responsible adviser or a participant. */
  mine: boolean;
  milestones: { kind: MilestoneKind; dueDate: DateOnly; done: boolean }[];
}

/**
 * The Oversikt dashboard: letters waiting for me (a leader), my hearings, due this week, overdue, at risk, counts per
 * status, decisions per quarter. Plain SQL (`queryRows`): every user's first screen (ARCHITECTURE.md, «Plain SQL»).
 */
export async function getOverview(db: Db, actor: Actor, now: Date = new Date()) {
  const today = osloDate(now);
  const weekEnd = endOfIsoWeek(today);
  const org = actor.organisationId;
  // The open hearings any of the lists shows, in one read (each list is a filter of it below); the lists are short
  // by their nature, and OVERVIEW_LIMIT bounds them all.
  const [waitingForMe, shown, grouped, decisions] = await Promise.all([
    listWaitingForMe(db, actor),
    queryRows<OverviewRow>(
      db,
      Prisma.sql`
        SELECT ${HEARING_LIST_COLUMNS},
               (h."responsibleId" = ${actor.id}::uuid OR EXISTS (
                  SELECT 1 FROM "HearingParticipant" p WHERE p."hearingId" = h.id AND p."userId" = ${actor.id}::uuid
               )) IS TRUE AS mine,
               COALESCE((SELECT json_agg(json_build_object('kind', m.kind, 'dueDate', m."dueDate"::text,
                                                           'done', m."doneAt" IS NOT NULL))
                           FROM "Milestone" m WHERE m."hearingId" = h.id), '[]'::json) AS milestones
          FROM "Hearing" h
         WHERE h."organisationId" = ${org}::uuid
           AND h.status = ANY(${[...OPEN_STATUSES]}::"HearingStatus"[])
           AND (h."responsibleId" = ${actor.id}::uuid
                OR EXISTS (SELECT 1 FROM "HearingParticipant" p
                            WHERE p."hearingId" = h.id AND p."userId" = ${actor.id}::uuid)
                OR (h.deadline >= ${today}::date AND h.deadline <= ${weekEnd}::date)
                OR h."overdueSince" IS NOT NULL
                OR EXISTS (SELECT 1 FROM "Milestone" m
                            WHERE m."hearingId" = h.id AND m."doneAt" IS NULL AND m."dueDate" < ${today}::date))
         ORDER BY h.deadline ASC, h.title ASC
         LIMIT ${OVERVIEW_LIMIT}`,
    ),
    queryRows<{ status: HearingStatus; n: number }>(
      db,
      Prisma.sql`SELECT status::text AS status, count(*)::int AS n FROM "Hearing"
                  WHERE "organisationId" = ${org}::uuid GROUP BY status`,
    ),
    countDecisionsByQuarter(db, actor),
  ]);
  const counts = Object.fromEntries(HEARING_STATUSES.map((s) => [s, 0])) as Record<HearingStatus, number>;
  for (const g of grouped) counts[g.status] = g.n;
  const hearings = shown.map((h) => ({
    row: h,
    view: {
      ...toHearingListItem(h),
      // The milestones passed while the hearing is behind them.
      lateMilestones: h.milestones.filter((m) => isMilestoneLate(m, h.status, today)).map((m) => m.kind),
    },
  }));
  const pick = (test: (h: OverviewRow) => boolean) => hearings.filter((h) => test(h.row)).map((h) => h.view);
  const mine = pick((h) => h.mine).slice(0, 50);
  const dueThisWeek = pick((h) => h.deadline >= today && h.deadline <= weekEnd);
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

/**
 * Hearings answered and declined per quarter (by when the decision was made, in Oslo time), the newest eight: read
 * from the counts the database keeps (`HearingDecisionCount`, by triggers on "Hearing"), at most two rows a quarter,
 * so sixteen rows hold the eight newest quarters whole.
 */
export async function countDecisionsByQuarter(db: Db, actor: Actor) {
  const rows = await queryRows<{ period: string; decision: string; n: number }>(
    db,
    Prisma.sql`
    SELECT to_char(c.quarter, 'YYYY-"K"Q') AS period, c.decision::text AS decision, c.hearings AS n
      FROM "HearingDecisionCount" c
     WHERE c."organisationId" = ${actor.organisationId}::uuid
     ORDER BY c.quarter DESC, c.decision
     LIMIT 16`,
  );
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
        late: isMilestoneLate(
          { kind: m.kind, dueDate: date, done: m.doneAt !== null },
          m.hearing.status,
          today,
        ),
      };
    }),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type));
  return { month, first, last, today, events };
}
