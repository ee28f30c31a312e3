-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "signedDocumentError" TEXT;

