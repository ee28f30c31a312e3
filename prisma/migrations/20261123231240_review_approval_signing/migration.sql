-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'AWAITING_APPROVAL', 'APPROVED', 'SIGNING', 'SIGNED', 'SENT');

-- CreateEnum
CREATE TYPE "SigningOrder" AS ENUM ('SEQUENTIAL', 'PARALLEL');

-- CreateEnum
CREATE TYPE "SendingChannel" AS ENUM ('EPOST', 'REGJERINGEN_SKJEMA', 'STORTINGET', 'ANNET');

-- DropIndex
DROP INDEX "Submission_hearingId_key";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "reauthenticatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "signingOrder" "SigningOrder" NOT NULL DEFAULT 'SEQUENTIAL',
ADD COLUMN     "snapshotSha256" TEXT,
ADD COLUMN     "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT';

-- CreateTable
CREATE TABLE "SubmissionApproval" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "snapshotSha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,

    CONSTRAINT "SubmissionApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionSignature" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "signatoryId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "snapshotSha256" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" TIMESTAMP(3),

    CONSTRAINT "SubmissionSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewThread" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "sectionIndex" INTEGER,
    "sectionHeading" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,

    CONSTRAINT "ReviewThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionViewed" (
    "submissionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "snapshotSha256" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionViewed_pkey" PRIMARY KEY ("submissionId","userId")
);

-- CreateTable
CREATE TABLE "SignedDocument" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "snapshotSha256" TEXT NOT NULL,
    "letterPdfSha256" TEXT NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionSending" (
    "submissionId" UUID NOT NULL,
    "sentOn" DATE NOT NULL,
    "channel" "SendingChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "receipt" TEXT,
    "receiptUrl" TEXT,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionSending_pkey" PRIMARY KEY ("submissionId")
);

-- CreateIndex
CREATE INDEX "SubmissionApproval_submissionId_idx" ON "SubmissionApproval"("submissionId");

-- CreateIndex
CREATE INDEX "SubmissionSignature_submissionId_idx" ON "SubmissionSignature"("submissionId");

-- CreateIndex
CREATE INDEX "ReviewThread_submissionId_idx" ON "ReviewThread"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "SignedDocument_submissionId_key" ON "SignedDocument"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "SignedDocument_pdfSha256_key" ON "SignedDocument"("pdfSha256");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_hearingId_revision_key" ON "Submission"("hearingId", "revision");

-- AddForeignKey
ALTER TABLE "SubmissionApproval" ADD CONSTRAINT "SubmissionApproval_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionSignature" ADD CONSTRAINT "SubmissionSignature_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewThread" ADD CONSTRAINT "ReviewThread_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ReviewThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionViewed" ADD CONSTRAINT "SubmissionViewed_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignedDocument" ADD CONSTRAINT "SignedDocument_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionSending" ADD CONSTRAINT "SubmissionSending_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- At most one live (not voided) signature per signatory and submission: a duplicate signature fails here even when
-- two requests race past the application's checks.
CREATE UNIQUE INDEX "SubmissionSignature_live_key" ON "SubmissionSignature"("submissionId", "signatoryId") WHERE "voidedAt" IS NULL;
-- At most one live approval per user and snapshot.
CREATE UNIQUE INDEX "SubmissionApproval_live_key" ON "SubmissionApproval"("submissionId", "userId", "snapshotSha256") WHERE "voidedAt" IS NULL;

-- Signed documents and stored files never change: a signed letter stays as it was signed.
CREATE OR REPLACE FUNCTION innspill_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "SignedDocument_immutable" BEFORE UPDATE OR DELETE ON "SignedDocument"
  FOR EACH ROW EXECUTE FUNCTION innspill_refuse_change();
CREATE TRIGGER "StoredFile_immutable" BEFORE UPDATE OR DELETE ON "StoredFile"
  FOR EACH ROW EXECUTE FUNCTION innspill_refuse_change();
-- Signatures and approvals are only ever voided: no other column changes, and no row is deleted.
CREATE OR REPLACE FUNCTION innspill_void_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% rows cannot be deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."voidedAt" IS NOT NULL OR NEW."voidedAt" IS NULL
     OR (to_jsonb(NEW) - 'voidedAt' - 'voidReason') <> (to_jsonb(OLD) - 'voidedAt' - 'voidReason') THEN
    RAISE EXCEPTION '% rows can only be voided', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "SubmissionSignature_void_only" BEFORE UPDATE OR DELETE ON "SubmissionSignature"
  FOR EACH ROW EXECUTE FUNCTION innspill_void_only();
CREATE TRIGGER "SubmissionApproval_void_only" BEFORE UPDATE OR DELETE ON "SubmissionApproval"
  FOR EACH ROW EXECUTE FUNCTION innspill_void_only();
