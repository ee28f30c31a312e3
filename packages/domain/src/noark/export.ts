/**
 * Noark 5 v5.0 archive extract (avleveringspakke, standard chapter 6.4) of closed hearing cases: one case
 * («Eksporter til arkiv» on a hearing) or every case closed in a period (what the records office deposits).
 *
 * The package (a folder named `avleveringspakke`, Noark 5 krav 6.4.15) holds `arkivuttrekk.xml` (ADDML, from
 * Arkivverket's template), `arkivstruktur.xml`, `loependeJournal.xml`, `offentligJournal.xml`, `endringslogg.xml`,
 * Arkivverket's official schemas unchanged, and the documents in archive format under `DOKUMENT/`: every received
 * document as its PDF/A copy (noark/archive-copies.ts), the signed letter and its signing log. Production formats
 * (the letter's DOCX) are left out (6.4.9). Documents are read one at a time while the package is written
 * (`NoarkFile.load`, `writeNoarkZip`), so a case of any size exports in bounded memory.
 */
import { z } from "zod";
import type { Db } from "@innspill/db";
import { authorize, type Actor } from "../access/actor";
import { recordAudit } from "../common/audit";
import { addDaysToDateOnly, osloDate } from "../dates/dates";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";
import { arkivuttrekkXml } from "./addml";
import { arkivstrukturXml, mappeID, partTitle, type Extract } from "./arkivstruktur";
import { CLOSED_STATUSES } from "../access/permissions";
import { readCases } from "./cases";
import { startOfOsloDay, type NoarkCase } from "./model";
import { registerJournal } from "./journal";
import { countChanges, endringsloggXml, loependeJournalXml, offentligJournalXml } from "./journals";
import { SCHEMA_FILES, officialSchema } from "./schemas";
import { uuidFrom } from "./xml";

export { noarkZipStream, writeNoarkZip } from "./zip";
/** The folder every file of a deposit lies under (Noark 5, krav 6.4.15). */
export const PACKAGE_FOLDER = "avleveringspakke";

interface NoarkFile {
  path: string;
  size: number;
  /** The file's bytes, read when it is written (documents one at a time). */
  load: () => Promise<Buffer>;
}

export interface NoarkPackage {
  /** The zip's name; its files lie under `PACKAGE_FOLDER`. */
  name: string;
  kind: "period" | "interim" | "case";
  files: NoarkFile[];
  cases: number;
  registrations: number;
  documentFiles: number;
  /** Documents left out because they are not in an archive format: what the user should convert. */
  notArchived: { hearing: string; file: string; reason: string }[];
}

const MAX_PERIOD_DAYS = 366 * 5;

const exportNoarkPeriodInput = z
  .object({ from: fields.dateOnly(), to: fields.dateOnly(), interim: z.boolean().optional() })
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
  await numberAll(db, [id]);
  const cases = await readCases(db, actor.organisationId, [id]);
  const c = cases[0]!;
  const days = c.registrations.map((r) => r.journalDate).sort();
  const pkg = await build(db, actor, cases, {
    from: days[0]!,
    to: days.at(-1)!,
    name: `noark-utdrag-sak-${mappeID(c).replace("/", "-")}`,
    kind: "case",
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
  const { from, to: asked, interim } = parseInput(exportNoarkPeriodInput, input);
  // A deposit covers a period that has ended. A period still running is exported only as an interim extract, and
  // then only up to today.
  const today = osloDate(new Date());
  if (asked >= today && !interim)
    throw new AppError("BAD_REQUEST", "noarkPeriodNotEnded", {
      fieldErrors: { to: ["noarkPeriodNotEnded"] },
    });
  const kind = asked >= today ? "interim" : "period";
  const to = asked >= today ? today : asked;
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
  await numberAll(
    db,
    candidates.map((h) => h.id),
  );
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
  const pkg = await build(db, actor, cases, {
    from,
    to,
    name: kind === "interim" ? `noark-forelopig-${from}-${to}` : `noark-${from}-${to}`,
    kind,
  });
  await audit(db, actor, "archive.exported", "Organisation", actor.organisationId, pkg, { from, to, kind });
  return pkg;
}

/**
 * Numbers cases that a path without `registerJournal` left unnumbered (none should be), in registration order, and
 * refuses while a document still waits for its archive copy.
 */
async function numberAll(db: Db, hearingIds: string[]) {
  const missing = await db.hearing.findMany({
    where: {
      id: { in: hearingIds },
      OR: [{ caseYear: null }, { journalEntries: { none: {} } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  for (const h of missing) await db.$transaction((tx) => registerJournal(tx, h.id));
  // A case answered but without its outgoing number (sent before numbers were stored and after the backfill).
  const waiting = await db.hearingDocument.count({
    where: { hearingId: { in: hearingIds }, archiveStatus: { in: ["PENDING", "CONVERTING"] } },
  });
  if (waiting > 0) throw new AppError("CONFLICT", "noarkDocumentsConverting");
}

async function build(
  db: Db,
  actor: Actor,
  cases: NoarkCase[],
  o: { from: string; to: string; name: string; kind: NoarkPackage["kind"] },
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
          documents.push({ path: d.file.path, size: d.file.size, load: d.file.load });
          documentFiles++;
        } else if (d.notes.length) {
          notArchived.push({ hearing: c.title, file: d.title, reason: d.notes[0]!.text });
        }
      }

  const extract: Extract = {
    archiveId: uuidFrom(`${org.id}:arkiv`),
    partId: uuidFrom(`${org.id}:arkivdel:${o.kind}:${o.from}:${o.to}`),
    creator: { id: org.slug, name: org.name },
    title: `${org.name} – høringer og innspill`,
    from: o.from,
    to: o.to,
    createdAt: new Date(),
    createdBy: actor.name,
    cases,
    kind: o.kind,
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
    archive: partTitle(extract),
    from: o.from,
    to: o.to,
    documentFiles,
    screened: cases.some((c) => c.screening),
    counts: {
      mappe: cases.length,
      registrering: registrations,
      endring: countChanges(extract),
      journalregistrering: registrations,
    },
    files: xml,
  });
  const file = (path: string, bytes: Buffer): NoarkFile => ({
    path,
    size: bytes.byteLength,
    load: async () => bytes,
  });
  return {
    name: o.name,
    kind: o.kind,
    files: [
      file("arkivuttrekk.xml", addml),
      ...[...xml].map(([path, bytes]) => file(path, bytes)),
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
