-- AlterTable
ALTER TABLE "PositionUsage" ADD COLUMN     "importedLetterId" UUID,
ADD COLUMN     "submissionId" UUID;

-- CreateTable
CREATE TABLE "BlockUsage" (
    "id" UUID NOT NULL,
    "blockVersionId" UUID NOT NULL,
    "hearingId" UUID,
    "submissionId" UUID,
    "importedLetterId" UUID,
    "origin" TEXT NOT NULL,
    "usedOn" DATE NOT NULL,
    "recipient" TEXT,
    "wording" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlockUsage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedLetter" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "hearingId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT,
    "sentOn" DATE NOT NULL,
    "recipient" TEXT,
    "content" JSONB NOT NULL,
    "sourceName" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedLetter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BlockUsage_blockVersionId_usedOn_idx" ON "BlockUsage"("blockVersionId", "usedOn");

-- CreateIndex
CREATE INDEX "ImportedLetter_organisationId_sentOn_idx" ON "ImportedLetter"("organisationId", "sentOn");

-- AddForeignKey
ALTER TABLE "BlockUsage" ADD CONSTRAINT "BlockUsage_blockVersionId_fkey" FOREIGN KEY ("blockVersionId") REFERENCES "TextBlockVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

