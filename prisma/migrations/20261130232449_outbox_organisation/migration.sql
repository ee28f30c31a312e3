-- Every outgoing e-mail belongs to an organisation (and its recipient), so an admin reads only their own.
-- Existing rows take both from the user with that e-mail address.
ALTER TABLE "OutboxEmail" ADD COLUMN "organisationId" UUID,
ADD COLUMN "userId" UUID;

UPDATE "OutboxEmail" o
   SET "organisationId" = u."organisationId", "userId" = u.id
  FROM "User" u
 WHERE u.email = o."toEmail";

-- An e-mail whose recipient no longer exists cannot be attributed to an organisation, nor delivered to a user.
DELETE FROM "OutboxEmail" WHERE "organisationId" IS NULL;

ALTER TABLE "OutboxEmail" ALTER COLUMN "organisationId" SET NOT NULL,
ALTER COLUMN "userId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "OutboxEmail_organisationId_createdAt_idx" ON "OutboxEmail"("organisationId", "createdAt");

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
