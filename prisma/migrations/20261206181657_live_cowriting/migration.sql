-- AlterTable
ALTER TABLE "SubmissionSection" ADD COLUMN     "key" UUID NOT NULL DEFAULT gen_random_uuid();

-- CreateTable
CREATE TABLE "SubmissionCollab" (
    "submissionId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "state" BYTEA NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmissionCollab_pkey" PRIMARY KEY ("submissionId")
);

-- CreateTable
CREATE TABLE "CollabTicket" (
    "tokenHash" TEXT NOT NULL,
    "sessionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollabTicket_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "CollabTicket_expiresAt_idx" ON "CollabTicket"("expiresAt");

-- AddForeignKey
ALTER TABLE "SubmissionCollab" ADD CONSTRAINT "SubmissionCollab_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabTicket" ADD CONSTRAINT "CollabTicket_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
