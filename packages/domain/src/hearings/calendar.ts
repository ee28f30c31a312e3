/**
 * A personal ICS feed of the deadlines and milestones of a user's hearings, behind a secret, revocable token.
 * Dates are all-day events (a deadline is a calendar date in Europe/Oslo); UIDs are stable, so calendar apps move
 * an event when its date moves.
 */
import { randomBytes } from "node:crypto";
import { createEvents, type EventAttributes } from "ics";
import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { addDaysToDateOnly, dateOnlyToDb, dbToDateOnly, osloDate } from "../dates/dates";
import { milestoneLabel } from "../i18n/labels";

export async function issueCalendarToken(db: Db, actor: Actor) {
  const token = randomBytes(32).toString("base64url");
  await db.user.update({ where: { id: actor.id }, data: { calendarToken: token } });
  return { token };
}

export async function revokeCalendarToken(db: Db, actor: Actor) {
  await db.user.update({ where: { id: actor.id }, data: { calendarToken: null } });
  return { revoked: true as const };
}

function dateArray(d: Date): [number, number, number] {
  const [y, m, day] = dbToDateOnly(d).split("-").map(Number) as [number, number, number];
  return [y, m, day];
}

/**
 * How far back a feed reaches: what is coming, and the past year for reference. Calendar apps fetch a subscription
 * every hour or so; twenty years of an adviser's hearings (2 000, 7 500 events, 2.5 MB) took seconds to build each
 * time, and the events dropped from the feed are only dropped from the subscription.
 */
const CALENDAR_PAST_DAYS = 365;
/** And at most this many hearings, the latest deadlines first. */
const CALENDAR_MAX_HEARINGS = 1000;

/** The ICS text for a token, or null when no active user has it (the route answers 404). */
export async function getCalendarFeed(
  db: Db,
  token: string,
  options: { baseUrl?: string; now?: Date } = {},
): Promise<string | null> {
  if (!token || token.length < 20) return null;
  const user = await db.user.findUnique({ where: { calendarToken: token } });
  if (!user || !user.active) return null;
  const from = addDaysToDateOnly(osloDate(options.now ?? new Date()), -CALENDAR_PAST_DAYS);
  const involved = {
    organisationId: user.organisationId,
    deadline: { gte: dateOnlyToDb(from) },
    status: { not: "SVARER_IKKE" as const },
    OR: [
      { responsibleId: user.id },
      { participants: { some: { userId: user.id } } },
      { milestones: { some: { ownerId: user.id } } },
    ],
  };
  const hearings = await db.hearing.findMany({
    where: involved,
    select: {
      id: true,
      title: true,
      deadline: true,
      updatedAt: true,
      issuingBody: { select: { name: true } },
      milestones: { select: { id: true, kind: true, dueDate: true, doneAt: true } },
    },
    orderBy: [{ deadline: "desc" }, { id: "asc" }],
    take: CALENDAR_MAX_HEARINGS,
  });
  const link = (id: string) => (options.baseUrl ? `${options.baseUrl}/horinger/${id}` : undefined);
  const events: EventAttributes[] = [];
  for (const h of hearings) {
    events.push({
      uid: `deadline-${h.id}@innspill`,
      start: dateArray(h.deadline),
      duration: { days: 1 },
      title: `Høringsfrist: ${h.title}`,
      description: `Frist for å svare ${h.issuingBody.name}.`,
      url: link(h.id),
      categories: ["Høringsfrist"],
      lastModified: dateTimeArray(h.updatedAt),
    });
    for (const m of h.milestones) {
      events.push({
        uid: `milestone-${m.id}@innspill`,
        start: dateArray(m.dueDate),
        duration: { days: 1 },
        title: `${milestoneLabel(m.kind)}${m.doneAt ? " (ferdig)" : ""}: ${h.title}`,
        description: `Milepæl før høringsfristen ${dbToDateOnly(h.deadline)}.`,
        url: link(h.id),
        categories: ["Milepæl"],
      });
    }
  }
  const { error, value } = createEvents(events, {
    productId: "innspill/calendar",
    calName: `Innspill – ${user.name}`,
    method: "PUBLISH",
  });
  if (error || !value) throw error ?? new Error("Could not build the calendar");
  // All-day events carry no time; the calendar's zone is Oslo.
  return value.replace("BEGIN:VEVENT", "X-WR-TIMEZONE:Europe/Oslo\r\nBEGIN:VEVENT");
}

function dateTimeArray(d: Date): [number, number, number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}
