-- CreateIndex
CREATE INDEX "TextBlock_organisationId_heading_id_idx" ON "TextBlock"("organisationId", "heading", "id");

