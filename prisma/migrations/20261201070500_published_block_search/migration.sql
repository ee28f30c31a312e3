-- Library search looks only at what is published: each block's published heading and search vector are kept on the
-- block itself (copied from its published version by a trigger whenever the published version changes), with their
-- own GIN indexes, so a search reads the blocks, not every version ever written (five or more per block).
ALTER TABLE "TextBlock" ADD COLUMN "publishedHeading" TEXT;
ALTER TABLE "TextBlock" ADD COLUMN "publishedSearch" tsvector;

CREATE FUNCTION "textblock_published_search"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v RECORD;
BEGIN
  IF NEW."publishedVersionId" IS NULL THEN
    NEW."publishedHeading" := NULL;
    NEW."publishedSearch" := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW."publishedVersionId" IS DISTINCT FROM OLD."publishedVersionId" THEN
    SELECT "heading", "search" INTO v FROM "TextBlockVersion" WHERE "id" = NEW."publishedVersionId";
    -- A restore copies blocks before their versions: it brings the copied values along, and they are kept.
    IF FOUND THEN
      NEW."publishedHeading" := v."heading";
      NEW."publishedSearch" := v."search";
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "TextBlock_published_search" BEFORE INSERT OR UPDATE OF "publishedVersionId" ON "TextBlock"
  FOR EACH ROW EXECUTE FUNCTION "textblock_published_search"();

UPDATE "TextBlock" b SET "publishedHeading" = v."heading", "publishedSearch" = v."search"
  FROM "TextBlockVersion" v WHERE v."id" = b."publishedVersionId";

CREATE INDEX "TextBlock_publishedSearch_idx" ON "TextBlock" USING GIN ("publishedSearch");
CREATE INDEX "TextBlock_publishedHeading_trgm_idx" ON "TextBlock" USING GIN ("publishedHeading" gin_trgm_ops);

-- Nothing searches old versions any more.
DROP INDEX "TextBlockVersion_search_idx";
DROP INDEX "TextBlockVersion_heading_trgm_idx";

-- A word in a fifth of the library: the search ranks the most recently changed matches, found walking these.
CREATE INDEX "Position_organisationId_updatedAt_idx" ON "Position"("organisationId", "updatedAt");
CREATE INDEX "TextBlock_organisationId_updatedAt_idx" ON "TextBlock"("organisationId", "updatedAt");
