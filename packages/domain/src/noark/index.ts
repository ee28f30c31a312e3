/**
 * Noark 5 v5.0 archive extract (avleveringspakke, standard chapter 6.4) of closed hearing cases: one case
 * («Eksporter til arkiv» on a hearing) or every case closed in a period (what the records office deposits).
 *
 * The package holds `arkivuttrekk.xml` (ADDML, from Arkivverket's template), `arkivstruktur.xml`,
 * `loependeJournal.xml`, `offentligJournal.xml`, `endringslogg.xml`, Arkivverket's official schemas unchanged, and
 * the documents in archive format under `DOKUMENT/`. Production formats (the letter's DOCX) are left out, as the
 * standard says (6.4.9); an incoming file that is not in an archive format is named in a note instead, and the
 * export reports it so the user can convert it.
 */
import { z } from "zod";
import type { Db } from "@innspill/db";
import { authorize, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { addDaysToDateOnly, osloDate } from "../dates";
import { AppError } from "../errors";
import { fields, parseInput } from "../validation";
import { arkivuttrekkXml } from "./addml";
import { arkivstrukturXml, mappeID, type Extract } from "./arkivstruktur";
import { CLOSED_STATUSES } from "../access";
import { readCases } from "./cases";
import { startOfOsloDay, type NoarkCase } from "./model";
import { numberCases } from "./numbering";
import { countChanges, endringsloggXml, loependeJournalXml, offentligJournalXml } from "./journals";
import { SCHEMA_FILES, officialSchema } from "./schemas";
import { uuidFrom } from "./xml";

export { archiveFormat, pdfaLevel } from "./formats";
export { SCHEMA_FILES, officialSchema, publishedChecksums } from "./schemas";
export { xmlText } from "./xml";

export interface NoarkFile {
  path: string;
  bytes: Buffer;
}

export interface NoarkPackage {
  /** The package's folder name (and the zip's name). */
  name: string;
  files: NoarkFile[];
  cases: number;
  registrations: number;
  documentFiles: number;
  /** Documents left out because they are not in an archive format: what the user should convert. */
  notArchived: { hearing: string; file: string; reason: string }[];
}

const MAX_PERIOD_DAYS = 366 * 5;

export const exportNoarkPeriodInput = z
  .object({ from: fields.dateOnly(), to: fields.dateOnly() })
  .refine((p) => p.from <= p.to, { error: "periodReversed", path: ["to"] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= MAX_PERIOD_DAYS * 86_400_000, {
    error: "periodTooLong",
    path: ["to"],
  });

/** One closed hearing case as a Noark 5 extract. An open case is refused: the archive takes closed cases only. */
export async function exportNoark(db: Db, input: unknown, actor: Actor): Promise<NoarkPackage> {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const h = await db.hearing.findFirst({
    where: { id, organisationId: actor.organisationId },
    select: { id: true, status: true },
  });
  if (!h) throw new AppError("NOT_FOUND", "hearingNotFound");
  if (!(CLOSED_STATUSES as readonly string[]).includes(h.status))
    throw new AppError("CONFLICT", "noarkCaseOpen");
  const cases = await readCases(db, actor.organisationId, [id]);
  await numberCases(db, actor.organisationId, cases);
  const c = cases[0]!;
  const day = (at: Date) => osloDate(at);
  const pkg = await build(db, actor, cases, {
    from: c.caseDate < day(c.closedAt) ? c.caseDate : day(c.closedAt),
    to: day(c.closedAt),
    name: `noark-${mappeID(c).replace("/", "-")}`,
  });
  await audit(db, actor, "hearing.exported", "Hearing", id, pkg);
  return pkg;
}

/**
 * Every case of the organisation closed in the period (inclusive, by the day it was closed in Oslo), as one extract:
 * what the records office deposits. Admins only.
 */
export async function exportNoarkPeriod(db: Db, input: unknown, actor: Actor): Promise<NoarkPackage> {
  authorize(actor, "archive.exportPeriod");
  const { from, to } = parseInput(exportNoarkPeriodInput, input);
  // Only the cases that can have been closed in the period are read (with their files): a case is closed by its last
  // transition to a closed status or, with none recorded, when it was last changed (readCases), so one of those falls
  // in the period. Twenty years of cases are not read for one year's deposit.
  const start = new Date(startOfOsloDay(from));
  const end = new Date(startOfOsloDay(addDaysToDateOnly(to, 1)));
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT h.id::text FROM "Hearing" h
     WHERE h."organisationId" = ${actor.organisationId}::uuid
       AND h.status::text = ANY(${[...CLOSED_STATUSES]}::text[])
       AND ((h."updatedAt" >= ${start} AND h."updatedAt" < ${end})
            OR EXISTS (SELECT 1 FROM "AuditEvent" a
                        WHERE a.entity = 'Hearing' AND a."entityId" = h.id::text
                          AND a.action IN ('hearing.transitioned', 'hearing.decided')
                          AND a."createdAt" >= ${start} AND a."createdAt" < ${end}))`;
  const cases = (
    await readCases(
      db,
      actor.organisationId,
      candidates.map((h) => h.id),
    )
  ).filter((c) => {
    const day = osloDate(c.closedAt);
    return day >= from && day <= to;
  });
  if (cases.length === 0) throw new AppError("NOT_FOUND", "noarkPeriodEmpty");
  await numberCases(db, actor.organisationId, cases);
  const pkg = await build(db, actor, cases, { from, to, name: `noark-${from}-${to}` });
  await audit(db, actor, "archive.exported", "Organisation", actor.organisationId, pkg, { from, to });
  return pkg;
}

async function build(
  db: Db,
  actor: Actor,
  cases: NoarkCase[],
  o: { from: string; to: string; name: string },
): Promise<NoarkPackage> {
  const org = await db.organisation.findUniqueOrThrow({ where: { id: actor.organisationId } });
  const notArchived: NoarkPackage["notArchived"] = [];
  let documentFiles = 0;
  const documents: NoarkFile[] = [];
  for (const c of cases)
    for (const r of c.registrations)
      for (const d of r.documents) {
        if (d.file) {
          d.file.path = `DOKUMENT/${c.caseYear}/${mappeID(c).replace("/", "-")}/${d.file.systemID}.${d.file.format.extension}`;
          documents.push({ path: d.file.path, bytes: d.file.bytes });
          documentFiles++;
        } else if (d.notes.length) {
          notArchived.push({ hearing: c.title, file: d.title, reason: d.notes[0]!.text });
        }
      }

  const extract: Extract = {
    archiveId: uuidFrom(`${org.id}:arkiv`),
    partId: uuidFrom(`${org.id}:arkivdel:${o.from}:${o.to}`),
    creator: { id: org.slug, name: org.name },
    title: `${org.name} – høringer og innspill`,
    from: o.from,
    to: o.to,
    createdAt: new Date(),
    createdBy: actor.name,
    cases,
  };
  const xml = new Map<string, Buffer>([
    ["arkivstruktur.xml", arkivstrukturXml(extract)],
    ["endringslogg.xml", endringsloggXml(extract)],
    ["loependeJournal.xml", loependeJournalXml(extract)],
    ["offentligJournal.xml", offentligJournalXml(extract)],
  ]);
  for (const f of SCHEMA_FILES) xml.set(f, officialSchema(f));
  const registrations = cases.reduce((n, c) => n + c.registrations.length, 0);
  const addml = arkivuttrekkXml({
    creator: org.name,
    system: "Innspill",
    archive: extract.title,
    from: o.from,
    to: o.to,
    documentFiles,
    counts: {
      mappe: cases.length,
      registrering: registrations,
      endring: countChanges(extract),
      journalregistrering: registrations,
    },
    files: xml,
  });
  return {
    name: o.name,
    files: [
      { path: "arkivuttrekk.xml", bytes: addml },
      ...[...xml].map(([path, bytes]) => ({ path, bytes })),
      ...documents,
    ],
    cases: cases.length,
    registrations,
    documentFiles,
    notArchived,
  };
}

async function audit(
  db: Db,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  pkg: NoarkPackage,
  extra: Record<string, string> = {},
) {
  await recordAudit(db, {
    organisationId: actor.organisationId,
    actorId: actor.id,
    action,
    entity,
    entityId,
    data: { ...extra, cases: pkg.cases, files: pkg.files.length, format: "Noark 5 v5.0" },
  });
}
