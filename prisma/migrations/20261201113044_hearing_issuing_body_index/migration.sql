-- CreateIndex
CREATE INDEX "Hearing_organisationId_issuingBodyId_deadline_idx" ON "Hearing"("organisationId", "issuingBodyId", "deadline");

