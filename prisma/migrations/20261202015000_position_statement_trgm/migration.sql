-- The position pickers find a position by words of its statement (ILIKE '%word%' per word). A trigram index reads
-- the rows that contain the words instead of every statement of the organisation (not expressible in the schema).
CREATE INDEX "Position_statement_trgm_idx" ON "Position" USING GIN ("statement" gin_trgm_ops);
