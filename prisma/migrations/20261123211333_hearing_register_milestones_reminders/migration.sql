-- CreateEnum
CREATE TYPE "HearingDecision" AS ENUM ('SVARER', 'SVARER_IKKE');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('UTKAST', 'GJENNOMGANG', 'GODKJENNING', 'SIGNERING');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarToken" TEXT,
ADD COLUMN     "emailReminders" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "IssuingBody" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" UUID,
ADD COLUMN     "decision" "HearingDecision",
ADD COLUMN     "decisionReason" TEXT;

-- CreateTable
CREATE TABLE "Topic" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HearingTopic" (
    "hearingId" UUID NOT NULL,
    "topicId" UUID NOT NULL,

    CONSTRAINT "HearingTopic_pkey" PRIMARY KEY ("hearingId","topicId")
);

-- CreateTable
CREATE TABLE "HearingParticipant" (
    "hearingId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "HearingParticipant_pkey" PRIMARY KEY ("hearingId","userId")
);

-- CreateTable
CREATE TABLE "HearingLink" (
    "id" UUID NOT NULL,
    "hearingId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HearingLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HearingDocument" (
    "id" UUID NOT NULL,
    "hearingId" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HearingDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL,
    "hearingId" UUID NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "offsetDays" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "ownerId" UUID,
    "doneAt" TIMESTAMP(3),
    "doneById" UUID,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "hearingId" UUID,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "toEmail" TEXT NOT NULL,
    "toName" TEXT,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderLog" (
    "id" BIGSERIAL NOT NULL,
    "subject" TEXT NOT NULL,
    "recipientId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Topic_organisationId_name_key" ON "Topic"("organisationId", "name");

-- CreateIndex
CREATE INDEX "HearingTopic_topicId_idx" ON "HearingTopic"("topicId");

-- CreateIndex
CREATE INDEX "HearingParticipant_userId_idx" ON "HearingParticipant"("userId");

-- CreateIndex
CREATE INDEX "HearingLink_hearingId_idx" ON "HearingLink"("hearingId");

-- CreateIndex
CREATE INDEX "HearingDocument_hearingId_idx" ON "HearingDocument"("hearingId");

-- CreateIndex
CREATE INDEX "Milestone_dueDate_idx" ON "Milestone"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_hearingId_kind_key" ON "Milestone"("hearingId", "kind");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_sentAt_createdAt_idx" ON "OutboxEmail"("sentAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderLog_subject_recipientId_day_key" ON "ReminderLog"("subject", "recipientId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");

-- AddForeignKey
ALTER TABLE "Hearing" ADD CONSTRAINT "Hearing_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingTopic" ADD CONSTRAINT "HearingTopic_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingTopic" ADD CONSTRAINT "HearingTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingParticipant" ADD CONSTRAINT "HearingParticipant_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingParticipant" ADD CONSTRAINT "HearingParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingLink" ADD CONSTRAINT "HearingLink_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingDocument" ADD CONSTRAINT "HearingDocument_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

