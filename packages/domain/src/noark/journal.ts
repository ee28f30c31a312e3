/**
 * The organisation's journal: case numbers (saksår/sakssekvensnummer) and journalpost numbers
 * (journalår/journalsekvensnummer), assigned when a case and a journalpost are registered, stored, and never changed.
 *
 * A case is registered with its incoming hearing letter (journalpost INN) when the hearing is created; its answer
 * (journalpost UT) when it leaves: a sending recorded in Innspill, a letter imported as sent, or a letter sent outside
 * Innspill. The journal date is the day of that registration in Oslo. Numbers come from `JournalCounter`, one row per
 * organisation, series and year, taken with an atomic upsert, so two registrations at once get two numbers.
 *
 * `registerJournal` is idempotent: it gives what is missing and leaves what exists, so each registering use-case calls
 * it in its own transaction, and the export calls it for any case a path without the call left unnumbered.
 */
import type { DbTx } from "@innspill/db";
import { dateOnlyToDb, osloDate } from "../dates/dates";

async function nextNumber(tx: DbTx, organisationId: string, series: "SAK" | "JOURNAL", year: number) {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "JournalCounter" ("organisationId", series, year, last)
    VALUES (${organisationId}::uuid, ${series}, ${year}, 1)
    ON CONFLICT ("organisationId", series, year) DO UPDATE SET last = "JournalCounter".last + 1
    RETURNING last`;
  return row!.last;
}

/** When the hearing's answer was registered (sent, imported or recorded as sent outside Innspill), if it has one. */
async function answeredAt(tx: DbTx, hearingId: string): Promise<Date | null> {
  const [row] = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT COALESCE(
      (SELECT min(ss."createdAt") FROM "Submission" s JOIN "SubmissionSending" ss ON ss."submissionId" = s.id
        WHERE s."hearingId" = ${hearingId}::uuid),
      (SELECT max(il."createdAt") FROM "ImportedLetter" il WHERE il."hearingId" = ${hearingId}::uuid),
      (SELECT min(a."createdAt") FROM "AuditEvent" a
        WHERE a.entity = 'Hearing' AND a."entityId" = ${hearingId} AND a.action = 'hearing.transitioned'
          AND a.data->>'outsideInnspill' = 'true')) AS at`;
  return row?.at ?? null;
}

async function entry(tx: DbTx, organisationId: string, hearingId: string, direction: "INN" | "UT", at: Date) {
  const day = osloDate(at);
  const year = Number(day.slice(0, 4));
  const seq = await nextNumber(tx, organisationId, "JOURNAL", year);
  await tx.journalEntry.create({
    data: { organisationId, hearingId, direction, year, seq, journalDate: dateOnlyToDb(day) },
  });
}

/** Gives the hearing its case number and its journalposts their numbers, where they have none yet. */
export async function registerJournal(tx: DbTx, hearingId: string): Promise<void> {
  // The row lock orders concurrent registrations of the same case (a sending and an export at once).
  const [h] = await tx.$queryRaw<
    { organisationId: string; createdAt: Date; caseYear: number | null }[]
  >`SELECT "organisationId"::text, "createdAt", "caseYear" FROM "Hearing" WHERE id = ${hearingId}::uuid FOR UPDATE`;
  if (!h) return;
  if (h.caseYear === null) {
    const year = Number(osloDate(h.createdAt).slice(0, 4));
    const seq = await nextNumber(tx, h.organisationId, "SAK", year);
    // Plain SQL: Prisma's @updatedAt would move, and a case's last change must stay its own.
    await tx.$executeRaw`UPDATE "Hearing" SET "caseYear" = ${year}, "caseSeq" = ${seq} WHERE id = ${hearingId}::uuid`;
  }
  const have = new Set(
    (await tx.journalEntry.findMany({ where: { hearingId }, select: { direction: true } })).map(
      (e) => e.direction,
    ),
  );
  if (!have.has("INN")) await entry(tx, h.organisationId, hearingId, "INN", h.createdAt);
  if (!have.has("UT")) {
    const at = await answeredAt(tx, hearingId);
    if (at) await entry(tx, h.organisationId, hearingId, "UT", at);
  }
}

/** «2026/14»: how a case number or a journalpost number is written. */
export const journalNumber = (year: number | null | undefined, seq: number | null | undefined) =>
  year && seq ? `${year}/${seq}` : null;
