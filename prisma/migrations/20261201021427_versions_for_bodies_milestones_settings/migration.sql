-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "settingsVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "IssuingBody" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

