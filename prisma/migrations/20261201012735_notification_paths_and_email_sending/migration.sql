-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "path" TEXT;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "path" TEXT,
ADD COLUMN     "sendingAt" TIMESTAMP(3);

