import type { Db } from "@innspill/db";
import { dbToDateOnly, osloDate } from "../dates";
import type { NoarkCase } from "./model";

/**
 * Case and journal numbers. Innspill keeps no journal of its own, so they are derived: a case's number is its rank
 * among the organisation's hearings of the same year, in registration order; a journal entry's number is its rank
 * among the journal entries of its year, in the order their cases were registered. New hearings are registered
 * later and so get higher numbers; numbers already deposited do not move.
 */
export async function numberCases(db: Db, organisationId: string, cases: NoarkCase[]): Promise<void> {
  const all = await db.hearing.findMany({
    where: { organisationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      createdAt: true,
      receivedDate: true,
      submissions: { select: { sending: { select: { sentOn: true } } } },
    },
  });
  const imports = await db.importedLetter.findMany({
    where: { organisationId },
    select: { hearingId: true, sentOn: true },
  });
  const importYears = new Map(imports.map((l) => [l.hearingId, l.sentOn.getUTCFullYear()]));
  // Letters sent outside Innspill are journalposts too, dated by the step that recorded them.
  const outside = await db.auditEvent.findMany({
    where: {
      organisationId,
      entity: "Hearing",
      action: "hearing.transitioned",
      data: { path: ["outsideInnspill"], equals: true },
    },
    select: { entityId: true, createdAt: true },
  });
  const outsideYears = new Map(outside.map((e) => [e.entityId, Number(osloDate(e.createdAt).slice(0, 4))]));
  const caseSeq = new Map<string, { year: number; seq: number }>();
  const journalSeq = new Map<string, number>();
  const caseCounter = new Map<number, number>();
  const journalCounter = new Map<number, number>();
  const next = (m: Map<number, number>, year: number) => {
    const n = (m.get(year) ?? 0) + 1;
    m.set(year, n);
    return n;
  };
  for (const h of all) {
    const year = Number((h.receivedDate ? dbToDateOnly(h.receivedDate) : osloDate(h.createdAt)).slice(0, 4));
    caseSeq.set(h.id, { year, seq: next(caseCounter, year) });
    journalSeq.set(`${h.id}:1`, next(journalCounter, year));
    const sentOn = h.submissions.find((s) => s.sending)?.sending?.sentOn;
    const outYear = sentOn ? sentOn.getUTCFullYear() : (importYears.get(h.id) ?? outsideYears.get(h.id));
    if (outYear) journalSeq.set(`${h.id}:2`, next(journalCounter, outYear));
  }
  for (const c of cases) {
    const n = caseSeq.get(c.systemID)!;
    c.caseYear = n.year;
    c.caseSeq = n.seq;
    for (const r of c.registrations) {
      r.journalYear = Number(r.journalDate.slice(0, 4));
      r.journalSeq = journalSeq.get(`${c.systemID}:${r.number}`) ?? next(journalCounter, r.journalYear);
    }
  }
}
