-- CreateTable
CREATE TABLE "OutcomeReportRender" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "reportSha256" TEXT NOT NULL,
    "report" TEXT NOT NULL,
    "status" "RenderStatus" NOT NULL DEFAULT 'QUEUED',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "pdfSha256" TEXT,
    "docxSha256" TEXT,
    "requestedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "OutcomeReportRender_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutcomeReportRender_organisationId_year_createdAt_idx" ON "OutcomeReportRender"("organisationId", "year", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeReportRender_organisationId_reportSha256_key" ON "OutcomeReportRender"("organisationId", "reportSha256");
