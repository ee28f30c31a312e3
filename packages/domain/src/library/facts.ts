import { z } from "zod";
import type { Db, DbTx } from "@innspill/db";
import { FactFormat } from "@innspill/db/enums";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb, dbToDateOnly, daysBetween, osloDate, type DateOnly } from "../dates/dates";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";

/** Norwegian formatting: 116000 → "116 000", 0.4 (PERCENT) → "40 %". */
export function formatFactValue(format: FactFormat, value: string): string {
  if (format === "TEXT") return value;
  const n = Number(value.replace(",", "."));
  if (!Number.isFinite(n)) return value;
  return format === "PERCENT"
    ? `${new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 1 }).format(n * 100)} %`
    : new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 2 }).format(n);
}

/** The value in force on `date`: the one with the latest valid-from on or before it. */
export function resolveFactValue<V extends { validFrom: DateOnly }>(values: V[], date: DateOnly): V | null {
  let best: V | null = null;
  for (const v of values) if (v.validFrom <= date && (!best || v.validFrom > best.validFrom)) best = v;
  return best;
}

/** Stale when the newest value is older than the fact's allowed age (counted from `today`). */
export function isFactStale(
  values: { validFrom: DateOnly }[],
  staleAfterDays: number,
  today: DateOnly,
): boolean {
  const newest = values.reduce<DateOnly | null>((m, v) => (!m || v.validFrom > m ? v.validFrom : m), null);
  return !newest || daysBetween(newest, today) > staleAfterDays;
}

export const createFactInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][\w.-]{0,99}$/, { error: "factKeyInvalid" }),
  label: fields.requiredText(200, "textTooLong"),
  format: z.enum(FactFormat, { error: "required" }),
  staleAfterDays: z
    .int({ error: "invalid" })
    .min(1, { error: "invalid" })
    .max(3650, { error: "invalid" })
    .default(365),
});

export const addFactValueInput = z.object({
  factId: fields.id(),
  validFrom: fields.dateOnly(),
  value: fields.requiredText(200, "textTooLong"),
  source: fields.optionalText(500, "textTooLong"),
  sourceUrl: fields.optionalUrl(),
});

export async function listFacts(db: Db, actor: Actor, options: { date?: DateOnly } = {}) {
  const today = osloDate(new Date());
  const date = options.date ?? today;
  const facts = await db.fact.findMany({
    where: { organisationId: actor.organisationId },
    include: { values: { orderBy: { validFrom: "desc" } } },
    orderBy: { key: "asc" },
  });
  return facts.map((f) => {
    const values = f.values.map((v) => ({
      id: v.id,
      validFrom: dbToDateOnly(v.validFrom),
      value: v.value,
      source: v.source,
      sourceUrl: v.sourceUrl,
    }));
    const current = resolveFactValue(values, date);
    return {
      id: f.id,
      key: f.key,
      label: f.label,
      format: f.format,
      staleAfterDays: f.staleAfterDays,
      values,
      current: current ? { ...current, formatted: formatFactValue(f.format, current.value) } : null,
      stale: isFactStale(values, f.staleAfterDays, today),
    };
  });
}

/** Resolves facts by key on a date (the letter's date), for rendering. */
export async function resolveFacts(db: DbTx, organisationId: string, keys: string[], date: DateOnly) {
  const facts = await db.fact.findMany({
    where: { organisationId, key: { in: keys } },
    include: { values: true },
  });
  const today = osloDate(new Date());
  return new Map(
    facts.map((f) => {
      const values = f.values.map((v) => ({ ...v, validFrom: dbToDateOnly(v.validFrom) }));
      const v = resolveFactValue(values, date);
      return [
        f.key,
        {
          label: f.label,
          value: v ? formatFactValue(f.format, v.value) : null,
          source: v?.source ?? null,
          sourceUrl: v?.sourceUrl ?? null,
          stale: isFactStale(values, f.staleAfterDays, today),
        },
      ] as const;
    }),
  );
}

export async function createFact(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const data = parseInput(createFactInput, input);
  const exists = await db.fact.findUnique({
    where: { organisationId_key: { organisationId: actor.organisationId, key: data.key } },
  });
  if (exists) throw new AppError("CONFLICT", "factExists", { fieldErrors: { key: ["factExists"] } });
  return db.$transaction(async (tx) => {
    const fact = await tx.fact.create({ data: { ...data, organisationId: actor.organisationId } });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "fact.created",
      entity: "Fact",
      entityId: fact.id,
      data: { key: fact.key },
    });
    return fact;
  });
}

export async function addFactValue(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const data = parseInput(addFactValueInput, input);
  const fact = await db.fact.findFirst({ where: { id: data.factId, organisationId: actor.organisationId } });
  if (!fact) throw new AppError("NOT_FOUND", "factNotFound");
  const clash = await db.factValue.findUnique({
    where: { factId_validFrom: { factId: fact.id, validFrom: dateOnlyToDb(data.validFrom) } },
  });
  if (clash)
    throw new AppError("CONFLICT", "factValueExists", { fieldErrors: { validFrom: ["factValueExists"] } });
  return db.$transaction(async (tx) => {
    const value = await tx.factValue.create({
      data: { ...data, validFrom: dateOnlyToDb(data.validFrom), authorId: actor.id },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "fact.valueAdded",
      entity: "Fact",
      entityId: fact.id,
      data: { validFrom: data.validFrom, value: data.value, source: data.source },
    });
    return { ...value, validFrom: data.validFrom };
  });
}
