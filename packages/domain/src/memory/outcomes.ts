/**
 * What came of it: after a letter is sent, the outcome of each position it argued (adopted, partly, not adopted,
 * unknown) with the document that shows it and its date. Shown on the hearing and the position, counted in Innsikt,
 * exported, and gathered in the yearly report «Politiske gjennomslag» (`report.ts`).
 */
import { z } from "zod";
import { Prisma, type Db } from "@innspill/db";
import type { OutcomeResult } from "@innspill/db/enums";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { can } from "../access/permissions";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb, dbToDateOnly, isValidDateOnly } from "../dates/dates";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";

const OUTCOME_RESULTS = [
  "ADOPTED",
  "PARTLY",
  "NOT_ADOPTED",
  "UNKNOWN",
] as const satisfies readonly OutcomeResult[];

export const recordOutcomeInput = z
  .object({
    submissionId: fields.id(),
    positionId: fields.id(),
    result: z.enum(OUTCOME_RESULTS, { error: "invalid" }),
    sourceTitle: fields.optionalText(500, "textTooLong"),
    sourceUrl: fields.optionalUrl(),
    sourceDate: fields.optionalDateOnly(),
    note: fields.optionalText(2000, "textTooLong"),
    /** The version read, when changing a recorded outcome. */
    version: fields.version().optional(),
  })
  .refine((x) => !(x.result === "ADOPTED" || x.result === "PARTLY") || (x.sourceTitle && x.sourceDate), {
    error: "outcomeNeedsSource",
    path: ["sourceTitle"],
  });

const outcomeOf = (o: {
  id: string;
  result: OutcomeResult;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourceDate: Date | null;
  note: string | null;
  version: number;
  updatedAt: Date;
}) => ({
  id: o.id,
  result: o.result,
  sourceTitle: o.sourceTitle,
  sourceUrl: o.sourceUrl,
  sourceDate: o.sourceDate ? dbToDateOnly(o.sourceDate) : null,
  note: o.note,
  version: o.version,
  updatedAt: o.updatedAt.toISOString(),
});

/** Records (or changes) the outcome of one position a sent letter used. */
export async function recordOutcome(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.recordOutcome");
  const data = parseInput(recordOutcomeInput, input);
  return db.$transaction(async (tx) => {
    const s = await tx.submission.findFirst({
      where: { id: data.submissionId, organisationId: actor.organisationId },
      select: { id: true, status: true, hearingId: true },
    });
    if (!s) throw new AppError("NOT_FOUND", "submissionNotFound");
    if (!can(actor, "submission.recordOutcome", { submissionStatus: s.status }))
      throw new AppError("BAD_REQUEST", "submissionWrongStatus");
    const used = await tx.positionUsage.findFirst({
      where: {
        submissionId: s.id,
        positionId: data.positionId,
        position: { organisationId: actor.organisationId },
      },
      select: { id: true },
    });
    if (!used) throw new AppError("BAD_REQUEST", "outcomeNotUsed");
    const key = { submissionId: s.id, positionId: data.positionId };
    const held = await tx.positionOutcome.findUnique({ where: { submissionId_positionId: key } });
    if (held && data.version !== undefined && held.version !== data.version)
      throw new AppError("CONFLICT", "outcomeConflict", { details: outcomeOf(held) });
    const values = {
      result: data.result,
      sourceTitle: data.sourceTitle,
      sourceUrl: data.sourceUrl,
      sourceDate: data.sourceDate ? dateOnlyToDb(data.sourceDate) : null,
      note: data.note,
      recordedById: actor.id,
    };
    const row = held
      ? await tx.positionOutcome.update({
          where: { id: held.id },
          data: { ...values, version: { increment: 1 } },
        })
      : await tx.positionOutcome.create({
          data: { ...key, organisationId: actor.organisationId, ...values },
        });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.outcomeRecorded",
      entity: "Submission",
      entityId: s.id,
      data: { positionId: data.positionId, result: data.result, sourceTitle: data.sourceTitle },
    });
    return outcomeOf(row);
  });
}

/** A hearing's sent letters, each with the positions it used and their outcomes (null where none is recorded). */
export async function listHearingOutcomes(db: Db, input: unknown, actor: Actor) {
  const { hearingId } = parseInput(z.object({ hearingId: fields.id() }), input);
  const letters = await db.submission.findMany({
    where: { hearingId, organisationId: actor.organisationId, status: "SENT" },
    orderBy: { revision: "asc" },
    select: {
      id: true,
      revision: true,
      title: true,
      status: true,
      sending: { select: { sentOn: true, recipient: true } },
      outcomes: true,
    },
  });
  const usages = await db.positionUsage.findMany({
    where: { submissionId: { in: letters.map((l) => l.id) } },
    select: { submissionId: true, position: { select: { id: true, statement: true, status: true } } },
  });
  return letters.map((l) => {
    const seen = new Map<string, { id: string; statement: string; status: string }>();
    for (const u of usages) if (u.submissionId === l.id) seen.set(u.position.id, u.position);
    const outcome = new Map(l.outcomes.map((o) => [o.positionId, outcomeOf(o)]));
    return {
      submissionId: l.id,
      revision: l.revision,
      title: l.title,
      sentOn: l.sending ? dbToDateOnly(l.sending.sentOn) : null,
      recipient: l.sending?.recipient ?? null,
      canRecord: can(actor, "submission.recordOutcome", { submissionStatus: l.status }),
      positions: [...seen.values()]
        .sort((a, b) => a.statement.localeCompare(b.statement, "nb"))
        .map((p) => ({
          positionId: p.id,
          statement: p.statement,
          status: p.status,
          outcome: outcome.get(p.id) ?? null,
        })),
    };
  });
}

/** A position's record across letters: every outcome recorded for it, newest source first. */
export async function listPositionOutcomes(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const rows = await db.positionOutcome.findMany({
    where: { positionId: id, organisationId: actor.organisationId },
    include: {
      submission: {
        select: { id: true, title: true, hearing: { select: { id: true, title: true } }, sending: true },
      },
    },
    orderBy: [{ sourceDate: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 200,
  });
  return rows.map((o) => ({
    ...outcomeOf(o),
    submissionId: o.submission.id,
    letter: o.submission.title,
    hearingId: o.submission.hearing.id,
    hearing: o.submission.hearing.title,
    sentOn: o.submission.sending ? dbToDateOnly(o.submission.sending.sentOn) : null,
  }));
}

export const outcomePeriodInput = z
  .object({
    from: fields.optionalDateOnly(),
    to: fields.optionalDateOnly(),
  })
  .default({ from: null, to: null });

/** The outcome's date: its source's, or the day it was recorded. */
const period = (from: string | null, to: string | null) => ({
  from: from && isValidDateOnly(from) ? from : "1900-01-01",
  to: to && isValidDateOnly(to) ? to : "2999-12-31",
});

type Counts = { adopted: number; partly: number; notAdopted: number; unknown: number; total: number };

/**
 * Outcomes counted per topic, per issuing body and per position (Innsikt), in a period; and over time: every year's
 * counts, and each of the period's positions year by year (its record across the years, not only this period's).
 */
export async function getOutcomeInsight(db: Db, input: unknown, actor: Actor) {
  const data = parseInput(outcomePeriodInput, input);
  const { from, to } = period(data.from ?? null, data.to ?? null);
  const org = actor.organisationId;
  const counts = Prisma.sql`count(*) FILTER (WHERE o.result = 'ADOPTED')::int AS adopted,
    count(*) FILTER (WHERE o.result = 'PARTLY')::int AS partly,
    count(*) FILTER (WHERE o.result = 'NOT_ADOPTED')::int AS "notAdopted",
    count(*) FILTER (WHERE o.result = 'UNKNOWN')::int AS unknown, count(*)::int AS total`;
  const where = Prisma.sql`o."organisationId" = ${org}::uuid
    AND coalesce(o."sourceDate", o."createdAt"::date) BETWEEN ${from}::date AND ${to}::date`;
  const year = Prisma.sql`extract(year FROM coalesce(o."sourceDate", o."createdAt"::date))::int`;
  const [topics, bodies, positions, years] = await Promise.all([
    db.$queryRaw<(Counts & { topic: string })[]>`
      SELECT t.topic, ${counts} FROM "PositionOutcome" o JOIN "Position" p ON p.id = o."positionId"
       CROSS JOIN LATERAL unnest(CASE WHEN cardinality(p.topics) = 0 THEN ARRAY['(uten tema)'] ELSE p.topics END)
             AS t(topic)
       WHERE ${where} GROUP BY t.topic ORDER BY count(*) DESC, t.topic LIMIT 50`,
    db.$queryRaw<(Counts & { issuingBodyId: string; issuingBody: string })[]>`
      SELECT b.id::text AS "issuingBodyId", b.name AS "issuingBody", ${counts} FROM "PositionOutcome" o
        JOIN "Submission" s ON s.id = o."submissionId" JOIN "Hearing" h ON h.id = s."hearingId"
        JOIN "IssuingBody" b ON b.id = h."issuingBodyId"
       WHERE ${where} GROUP BY b.id, b.name ORDER BY count(*) DESC, b.name LIMIT 50`,
    db.$queryRaw<(Counts & { positionId: string; statement: string })[]>`
      SELECT p.id::text AS "positionId", p.statement, ${counts} FROM "PositionOutcome" o
        JOIN "Position" p ON p.id = o."positionId"
       WHERE ${where} GROUP BY p.id, p.statement
       ORDER BY count(*) FILTER (WHERE o.result IN ('ADOPTED', 'PARTLY')) DESC, count(*) DESC, p.statement
       LIMIT 50`,
    db.$queryRaw<(Counts & { year: number })[]>`
      SELECT ${year} AS year, ${counts} FROM "PositionOutcome" o
       WHERE o."organisationId" = ${org}::uuid GROUP BY 1 ORDER BY 1`,
  ]);
  const positionYears = positions.length
    ? await db.$queryRaw<(Counts & { positionId: string; year: number })[]>`
      SELECT o."positionId"::text AS "positionId", ${year} AS year, ${counts} FROM "PositionOutcome" o
       WHERE o."organisationId" = ${org}::uuid
         AND o."positionId" IN (${Prisma.join(positions.map((p) => Prisma.sql`${p.positionId}::uuid`))})
       GROUP BY 1, 2 ORDER BY 1, 2`
    : [];
  return {
    from: data.from ?? null,
    to: data.to ?? null,
    topics,
    issuingBodies: bodies,
    positions: positions.map((p) => ({
      ...p,
      years: positionYears.filter((y) => y.positionId === p.positionId).map(({ positionId: _, ...y }) => y),
    })),
    years,
  };
}

/** Every outcome of a period as flat rows: the command line's export (CSV or JSON). */
export async function exportOutcomes(db: Db, input: unknown, actor: Actor) {
  const data = parseInput(outcomePeriodInput, input);
  const { from, to } = period(data.from ?? null, data.to ?? null);
  const rows = await db.positionOutcome.findMany({
    where: { organisationId: actor.organisationId },
    include: {
      position: { select: { statement: true, topics: true } },
      submission: {
        select: {
          title: true,
          sending: { select: { sentOn: true, recipient: true } },
          hearing: { select: { title: true, issuingBody: { select: { name: true } } } },
        },
      },
    },
    orderBy: [{ sourceDate: "asc" }, { createdAt: "asc" }],
  });
  return rows
    .map((o) => ({
      date: dbToDateOnly(o.sourceDate ?? o.createdAt),
      result: o.result,
      positionId: o.positionId,
      statement: o.position.statement,
      topics: o.position.topics,
      hearing: o.submission.hearing.title,
      issuingBody: o.submission.hearing.issuingBody.name,
      letter: o.submission.title,
      sentOn: o.submission.sending ? dbToDateOnly(o.submission.sending.sentOn) : null,
      recipient: o.submission.sending?.recipient ?? null,
      sourceTitle: o.sourceTitle,
      sourceUrl: o.sourceUrl,
      sourceDate: o.sourceDate ? dbToDateOnly(o.sourceDate) : null,
      note: o.note,
    }))
    .filter((r) => r.date >= from && r.date <= to);
}

/** CSV of the export's rows: a header, `;`-separated (what a Norwegian spreadsheet opens), fields quoted. */
export function outcomesCsv(rows: Awaited<ReturnType<typeof exportOutcomes>>): string {
  const cols = [
    "date",
    "result",
    "positionId",
    "statement",
    "topics",
    "hearing",
    "issuingBody",
    "letter",
    "sentOn",
    "recipient",
    "sourceTitle",
    "sourceUrl",
    "sourceDate",
    "note",
  ] as const;
  const cell = (v: unknown) => {
    const s = Array.isArray(v) ? v.join(", ") : v == null ? "" : String(v);
    // A cell a spreadsheet would read as a formula is quoted with a leading apostrophe.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return [cols.join(";"), ...rows.map((r) => cols.map((c) => cell(r[c])).join(";"))].join("\r\n") + "\r\n";
}
