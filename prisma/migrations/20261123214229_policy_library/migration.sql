-- CreateEnum
CREATE TYPE "PositionStatus" AS ENUM ('DRAFT', 'ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "FactFormat" AS ENUM ('NUMBER', 'PERCENT', 'TEXT');

-- CreateTable
CREATE TABLE "Position" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "statement" TEXT NOT NULL,
    "topics" TEXT[],
    "source" TEXT,
    "adoptedOn" DATE,
    "owningUnit" TEXT,
    "status" "PositionStatus" NOT NULL DEFAULT 'DRAFT',
    "replacedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PositionVersion" (
    "id" UUID NOT NULL,
    "positionId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "statement" TEXT NOT NULL,
    "topics" TEXT[],
    "source" TEXT,
    "adoptedOn" DATE,
    "owningUnit" TEXT,
    "status" "PositionStatus" NOT NULL,
    "replacedById" UUID,
    "reason" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PositionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PositionUsage" (
    "id" UUID NOT NULL,
    "positionId" UUID NOT NULL,
    "positionVersionId" UUID,
    "hearingId" UUID,
    "origin" TEXT NOT NULL,
    "usedOn" DATE NOT NULL,
    "recipient" TEXT,
    "wording" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PositionUsage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TextBlock" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "heading" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "topics" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedVersionId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TextBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TextBlockVersion" (
    "id" UUID NOT NULL,
    "blockId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "plainText" TEXT NOT NULL,
    "topics" TEXT[],
    "reason" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TextBlockVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fact" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "format" "FactFormat" NOT NULL DEFAULT 'NUMBER',
    "staleAfterDays" INTEGER NOT NULL DEFAULT 365,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactValue" (
    "id" UUID NOT NULL,
    "factId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "value" TEXT NOT NULL,
    "source" TEXT,
    "sourceUrl" TEXT,
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Position_organisationId_status_idx" ON "Position"("organisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PositionVersion_positionId_number_key" ON "PositionVersion"("positionId", "number");

-- CreateIndex
CREATE INDEX "PositionUsage_positionId_usedOn_idx" ON "PositionUsage"("positionId", "usedOn");

-- CreateIndex
CREATE UNIQUE INDEX "TextBlock_publishedVersionId_key" ON "TextBlock"("publishedVersionId");

-- CreateIndex
CREATE INDEX "TextBlock_organisationId_idx" ON "TextBlock"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "TextBlockVersion_blockId_number_key" ON "TextBlockVersion"("blockId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Fact_organisationId_key_key" ON "Fact"("organisationId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "FactValue_factId_validFrom_key" ON "FactValue"("factId", "validFrom");

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "Position"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionVersion" ADD CONSTRAINT "PositionVersion_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionUsage" ADD CONSTRAINT "PositionUsage_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionUsage" ADD CONSTRAINT "PositionUsage_positionVersionId_fkey" FOREIGN KEY ("positionVersionId") REFERENCES "PositionVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextBlock" ADD CONSTRAINT "TextBlock_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextBlockVersion" ADD CONSTRAINT "TextBlockVersion_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "TextBlock"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactValue" ADD CONSTRAINT "FactValue_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Norwegian full-text search: the norwegian snowball stemmer with unaccent in front, so "bioingeniører" and
-- "bioingeniør" meet, and accents typed or not typed do not matter.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TEXT SEARCH CONFIGURATION innspill_nb (COPY = norwegian);
ALTER TEXT SEARCH CONFIGURATION innspill_nb
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, norwegian_stem;

ALTER TABLE "Position" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('innspill_nb'::regconfig, "statement"), 'A') ||
  setweight(to_tsvector('innspill_nb'::regconfig, coalesce("source", '')), 'C')
) STORED;
CREATE INDEX "Position_search_idx" ON "Position" USING GIN ("search");

ALTER TABLE "TextBlockVersion" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('innspill_nb'::regconfig, "heading"), 'A') ||
  setweight(to_tsvector('innspill_nb'::regconfig, "plainText"), 'B')
) STORED;
CREATE INDEX "TextBlockVersion_search_idx" ON "TextBlockVersion" USING GIN ("search");
CREATE INDEX "TextBlockVersion_heading_trgm_idx" ON "TextBlockVersion" USING GIN ("heading" gin_trgm_ops);

-- Versions are immutable: published wording and position history can never be changed or removed.
CREATE FUNCTION "refuse_version_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "PositionVersion_immutable" BEFORE UPDATE OR DELETE ON "PositionVersion"
  FOR EACH ROW EXECUTE FUNCTION "refuse_version_change"();
CREATE TRIGGER "TextBlockVersion_immutable" BEFORE UPDATE OR DELETE ON "TextBlockVersion"
  FOR EACH ROW EXECUTE FUNCTION "refuse_version_change"();
