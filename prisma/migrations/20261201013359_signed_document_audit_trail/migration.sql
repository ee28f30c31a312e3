-- AlterTable
ALTER TABLE "SignedDocument" ADD COLUMN     "auditPdfSha256" TEXT;

