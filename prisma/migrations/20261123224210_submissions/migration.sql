-- CreateEnum
CREATE TYPE "SectionKind" AS ENUM ('BLOCK', 'LOCAL', 'FREE');

-- CreateEnum
CREATE TYPE "RenderStatus" AS ENUM ('QUEUED', 'ASSEMBLING', 'RENDERING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "Signatory" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "userId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Signatory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignatoryTitle" (
    "id" UUID NOT NULL,
    "signatoryId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "SignatoryTitle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "hearingId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "recipient" TEXT,
    "theirReference" TEXT,
    "ourReference" TEXT,
    "letterheadOrganisation" TEXT NOT NULL,
    "letterheadUnit" TEXT,
    "letterheadAddress" TEXT,
    "closing" TEXT NOT NULL DEFAULT 'Med vennlig hilsen',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionSection" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "SectionKind" NOT NULL,
    "blockId" UUID,
    "blockVersionId" UUID,
    "showHeading" BOOLEAN NOT NULL DEFAULT true,
    "heading" TEXT,
    "body" JSONB,

    CONSTRAINT "SubmissionSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionSignatory" (
    "submissionId" UUID NOT NULL,
    "signatoryId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "SubmissionSignatory_pkey" PRIMARY KEY ("submissionId","signatoryId")
);

-- CreateTable
CREATE TABLE "SubmissionRender" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "snapshotSha256" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "status" "RenderStatus" NOT NULL DEFAULT 'QUEUED',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "pdfSha256" TEXT,
    "docxSha256" TEXT,
    "requestedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SubmissionRender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "sha256" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE UNIQUE INDEX "Signatory_userId_key" ON "Signatory"("userId");

-- CreateIndex
CREATE INDEX "Signatory_organisationId_idx" ON "Signatory"("organisationId");

-- CreateIndex
CREATE INDEX "SignatoryTitle_signatoryId_validFrom_idx" ON "SignatoryTitle"("signatoryId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_hearingId_key" ON "Submission"("hearingId");

-- CreateIndex
CREATE INDEX "SubmissionSection_blockVersionId_idx" ON "SubmissionSection"("blockVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionSection_submissionId_position_key" ON "SubmissionSection"("submissionId", "position");

-- CreateIndex
CREATE INDEX "SubmissionRender_submissionId_createdAt_idx" ON "SubmissionRender"("submissionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionRender_submissionId_snapshotSha256_key" ON "SubmissionRender"("submissionId", "snapshotSha256");

-- AddForeignKey
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignatoryTitle" ADD CONSTRAINT "SignatoryTitle_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "Signatory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionSection" ADD CONSTRAINT "SubmissionSection_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionSection" ADD CONSTRAINT "SubmissionSection_blockVersionId_fkey" FOREIGN KEY ("blockVersionId") REFERENCES "TextBlockVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionSignatory" ADD CONSTRAINT "SubmissionSignatory_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionSignatory" ADD CONSTRAINT "SubmissionSignatory_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "Signatory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRender" ADD CONSTRAINT "SubmissionRender_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

