-- Login attempts are throttle state for 15 minutes; the old rows (counted per e-mail) are dropped with their columns.
DELETE FROM "LoginAttempt";

-- DropIndex
DROP INDEX "LoginAttempt_email_createdAt_idx";

-- DropIndex
DROP INDEX "LoginAttempt_ip_createdAt_idx";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "reauthenticatedAt";

-- AlterTable
ALTER TABLE "LoginAttempt" DROP COLUMN "email",
DROP COLUMN "ip",
ADD COLUMN     "bucket" TEXT NOT NULL,
ALTER COLUMN "success" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "reauthenticatedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_bucket_createdAt_idx" ON "LoginAttempt"("bucket", "createdAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

