-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "templateVersion" INTEGER NOT NULL DEFAULT 1;

