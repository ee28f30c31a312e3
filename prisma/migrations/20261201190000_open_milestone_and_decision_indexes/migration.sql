-- Partial indexes, written by hand (the Prisma schema cannot express them; noted on the models).

-- Oversikt's «at risk» list: open hearings with a passed milestone that is not done. Milestones left undone on
-- hearings that were closed (not answered, archived) pile up over the years; this index holds only the undone ones, so
-- the check reads a small index instead of the whole table.
CREATE INDEX "Milestone_open_hearingId_dueDate_idx" ON "Milestone"("hearingId", "dueDate") WHERE "doneAt" IS NULL;

-- Oversikt's and Innsikt's decisions by quarter: only the hearings with a decision, not the whole archive.
CREATE INDEX "Hearing_decided_idx" ON "Hearing"("organisationId", "decidedAt") WHERE "decision" IS NOT NULL;
