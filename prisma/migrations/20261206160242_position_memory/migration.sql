-- CreateEnum
CREATE TYPE "OutcomeResult" AS ENUM ('ADOPTED', 'PARTLY', 'NOT_ADOPTED', 'UNKNOWN');

-- CreateTable
CREATE TABLE "PositionRestatement" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "positionId" UUID NOT NULL,
    "wording" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PositionRestatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PositionOutcome" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "positionId" UUID NOT NULL,
    "result" "OutcomeResult" NOT NULL,
    "sourceTitle" TEXT,
    "sourceUrl" TEXT,
    "sourceDate" DATE,
    "note" TEXT,
    "recordedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PositionOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PositionRestatement_positionId_idx" ON "PositionRestatement"("positionId");

-- CreateIndex
CREATE UNIQUE INDEX "PositionRestatement_submissionId_positionId_key" ON "PositionRestatement"("submissionId", "positionId");

-- CreateIndex
CREATE INDEX "PositionOutcome_organisationId_sourceDate_idx" ON "PositionOutcome"("organisationId", "sourceDate");

-- CreateIndex
CREATE INDEX "PositionOutcome_positionId_idx" ON "PositionOutcome"("positionId");

-- CreateIndex
CREATE UNIQUE INDEX "PositionOutcome_submissionId_positionId_key" ON "PositionOutcome"("submissionId", "positionId");

-- AddForeignKey
ALTER TABLE "PositionRestatement" ADD CONSTRAINT "PositionRestatement_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionRestatement" ADD CONSTRAINT "PositionRestatement_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionOutcome" ADD CONSTRAINT "PositionOutcome_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionOutcome" ADD CONSTRAINT "PositionOutcome_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

