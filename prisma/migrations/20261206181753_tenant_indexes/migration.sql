-- Many organisations on one server (issue #34): the organisation-scoped lists keep to an index of their organisation.
-- (Written by hand: `npm run db:migration` diffed against an older schema and listed earlier migrations' changes.)

-- The register with closed hearings, unfiltered: a page in its order (deadline, title, id) read straight off it.
CREATE INDEX "Hearing_organisationId_deadline_title_id_idx" ON "Hearing"("organisationId", "deadline", "title", "id");

-- Innsikt counts one organisation's position usages: the usage carries its position's organisation (a position never
-- changes organisation), filled in on insert by a trigger, so no insert path has to name it.
ALTER TABLE "PositionUsage" ADD COLUMN "organisationId" UUID;

UPDATE "PositionUsage" u SET "organisationId" = p."organisationId" FROM "Position" p WHERE p.id = u."positionId";

CREATE FUNCTION "position_usage_organisation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "organisationId" INTO NEW."organisationId" FROM "Position" WHERE "id" = NEW."positionId";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PositionUsage_organisation" BEFORE INSERT OR UPDATE OF "positionId" ON "PositionUsage"
  FOR EACH ROW EXECUTE FUNCTION "position_usage_organisation"();

CREATE INDEX "PositionUsage_organisationId_positionId_idx" ON "PositionUsage"("organisationId", "positionId");

-- Innsikt's active positions never used, in the order of their statement: read off this index until the page is
-- full (the first 200 characters: a statement may be longer than a btree entry may be).
CREATE INDEX "Position_unused_order_idx" ON "Position"("organisationId", "status", left("statement", 200), "id");

-- Innsikt's topics: every position's topics, counted from the index alone (an index-only scan), not the rows.
CREATE INDEX "Position_organisationId_topics_idx" ON "Position"("organisationId") INCLUDE ("id", "topics");
