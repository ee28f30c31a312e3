-- CreateEnum
CREATE TYPE "RadarItemState" AS ENUM ('NEW', 'ACCEPTED', 'DISMISSED');

-- CreateTable
CREATE TABLE "RadarSource" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 60,
    "validators" JSONB NOT NULL DEFAULT '{}',
    "nextPollAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastPollAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastErrorAt" TIMESTAMP(3),
    "lastError" TEXT,
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RadarSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RadarItem" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "deadline" DATE,
    "sourceStatus" TEXT,
    "summary" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "fingerprint" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL DEFAULT '',
    "reasons" JSONB NOT NULL DEFAULT '{}',
    "state" "RadarItemState" NOT NULL DEFAULT 'NEW',
    "dismissReason" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "hearingId" UUID,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RadarItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RadarTopicFollow" (
    "userId" UUID NOT NULL,
    "topicId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RadarTopicFollow_pkey" PRIMARY KEY ("userId","topicId")
);

-- CreateIndex
CREATE INDEX "RadarSource_nextPollAt_idx" ON "RadarSource"("nextPollAt");

-- CreateIndex
CREATE UNIQUE INDEX "RadarSource_organisationId_source_key" ON "RadarSource"("organisationId", "source");

-- CreateIndex
CREATE INDEX "RadarItem_organisationId_state_score_idx" ON "RadarItem"("organisationId", "state", "score");

-- CreateIndex
CREATE INDEX "RadarItem_hearingId_idx" ON "RadarItem"("hearingId");

-- CreateIndex
CREATE UNIQUE INDEX "RadarItem_organisationId_source_sourceRef_key" ON "RadarItem"("organisationId", "source", "sourceRef");

-- CreateIndex
CREATE INDEX "RadarTopicFollow_topicId_idx" ON "RadarTopicFollow"("topicId");

