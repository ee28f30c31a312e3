-- The SHA-256 of an imported letter's normalised text (packages/domain/src/imports/duplicates.ts): a letter imported
-- again is recognised by it. Letters imported before have none; near-identical text still finds them.
-- Written by hand: the migration writer diffed against the schema of the commit that added the newest migration,
-- which predates other branches' changes, and proposed them again.

-- AlterTable
ALTER TABLE "ImportedLetter" ADD COLUMN     "textSha256" TEXT;

-- CreateIndex
CREATE INDEX "ImportedLetter_organisationId_textSha256_idx" ON "ImportedLetter"("organisationId", "textSha256");
