-- CreateIndex
CREATE INDEX "Submission_organisationId_updatedAt_id_idx" ON "Submission"("organisationId", "updatedAt", "id");

