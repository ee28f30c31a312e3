-- CreateEnum
CREATE TYPE "ArchiveStatus" AS ENUM ('PENDING', 'CONVERTING', 'ARCHIVAL', 'CONVERTED', 'FAILED');

-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "caseSeq" INTEGER,
ADD COLUMN     "caseYear" INTEGER,
ADD COLUMN     "publicTitle" TEXT,
ADD COLUMN     "screeningBasis" TEXT;

-- AlterTable
ALTER TABLE "HearingDocument" ADD COLUMN     "archiveAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "archiveContent" BYTEA,
ADD COLUMN     "archiveError" TEXT,
ADD COLUMN     "archiveSha256" TEXT,
ADD COLUMN     "archiveSize" INTEGER,
ADD COLUMN     "archiveStatus" "ArchiveStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "originalFormat" TEXT,
ADD COLUMN     "title" TEXT;

-- CreateTable
CREATE TABLE "JournalEntry" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "hearingId" UUID NOT NULL,
    "direction" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "journalDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalCounter" (
    "organisationId" UUID NOT NULL,
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "JournalCounter_pkey" PRIMARY KEY ("organisationId","series","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "JournalEntry_hearingId_direction_key" ON "JournalEntry"("hearingId", "direction");

-- CreateIndex
CREATE UNIQUE INDEX "JournalEntry_organisationId_year_seq_key" ON "JournalEntry"("organisationId", "year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Hearing_organisationId_caseYear_caseSeq_key" ON "Hearing"("organisationId", "caseYear", "caseSeq");

-- CreateIndex
CREATE INDEX "HearingDocument_archiveStatus_idx" ON "HearingDocument"("archiveStatus");

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: existing cases and journalposts keep the numbers the Noark export has derived for them until now (rank in
-- registration order per organisation and year; the answer right after its hearing letter), so packages already
-- deposited and new ones agree. Deterministic: ordered by createdAt, then id.
UPDATE "Hearing" h SET "caseYear" = n.year, "caseSeq" = n.seq
  FROM (SELECT id, year,
               row_number() OVER (PARTITION BY "organisationId", year ORDER BY "createdAt", id)::int AS seq
          FROM (SELECT id, "organisationId", "createdAt",
                       extract(year FROM COALESCE("receivedDate",
                         ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Oslo')::date))::int AS year
                  FROM "Hearing") y) n
 WHERE h.id = n.id;

WITH outgoing AS (
  SELECT h.id AS "hearingId",
         COALESCE(
           (SELECT min(ss."sentOn") FROM "Submission" s JOIN "SubmissionSending" ss ON ss."submissionId" = s.id
             WHERE s."hearingId" = h.id),
           (SELECT il."sentOn" FROM "ImportedLetter" il WHERE il."hearingId" = h.id
             ORDER BY il."createdAt" DESC, il.id DESC LIMIT 1),
           (SELECT (a."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Oslo')::date FROM "AuditEvent" a
             WHERE a.entity = 'Hearing' AND a."entityId" = h.id::text AND a.action = 'hearing.transitioned'
               AND a.data->>'outsideInnspill' = 'true'
             ORDER BY a.id LIMIT 1)
         ) AS day
    FROM "Hearing" h),
entries AS (
  SELECT h."organisationId", h.id AS "hearingId", h."createdAt", 'INN' AS direction, 1 AS ord,
         COALESCE(h."receivedDate", (h."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Oslo')::date) AS day
    FROM "Hearing" h
  UNION ALL
  SELECT h."organisationId", h.id, h."createdAt", 'UT', 2, o.day
    FROM "Hearing" h JOIN outgoing o ON o."hearingId" = h.id
   WHERE o.day IS NOT NULL)
INSERT INTO "JournalEntry" (id, "organisationId", "hearingId", direction, year, seq, "journalDate")
SELECT gen_random_uuid(), "organisationId", "hearingId", direction, extract(year FROM day)::int,
       row_number() OVER (PARTITION BY "organisationId", extract(year FROM day)
                          ORDER BY "createdAt", "hearingId", ord)::int,
       day
  FROM entries;

INSERT INTO "JournalCounter" ("organisationId", series, year, last)
SELECT "organisationId", 'SAK', "caseYear", max("caseSeq") FROM "Hearing" GROUP BY "organisationId", "caseYear";
INSERT INTO "JournalCounter" ("organisationId", series, year, last)
SELECT "organisationId", 'JOURNAL', year, max(seq) FROM "JournalEntry" GROUP BY "organisationId", year;

-- Every existing document waits for the worker's archive copy (an original that is PDF/A is its own copy).
