import { z } from "zod";
import {
  exportOutcomes,
  getMemoryWarnings,
  getOutcomeInsight,
  getOutcomeReport,
  getOutcomeReportRender,
  linkRestatement,
  linkRestatementInput,
  listHearingOutcomes,
  listPositionOutcomes,
  outcomePeriodInput,
  outcomeReportInput,
  recogniseInput,
  recogniseLetterText,
  recordOutcome,
  recordOutcomeInput,
  requestOutcomeReport,
  suggestForLetter,
  unlinkRestatement,
  unlinkRestatementInput,
} from "@innspill/domain";
import { domainInput, permissionProcedure, protectedProcedure, router } from "../trpc";

const linker = permissionProcedure("submission.linkRestatement");
const outcomes = permissionProcedure("submission.recordOutcome");
const reports = permissionProcedure("insight.reportOutcomes");
const id = z.object({ id: z.uuid({ error: "invalid" }) });

/** The organisation's memory: positions recognised while writing, and the outcomes of what was sent. */
export const memoryRouter = router({
  /** The composer's own text against the library (a query's worth of work, sent as a mutation for its size). */
  recognise: protectedProcedure
    .input(domainInput(recogniseInput))
    .mutation(({ ctx, input }) => recogniseLetterText(ctx.db, input, ctx.actor)),
  warnings: protectedProcedure
    .input(domainInput(id))
    .query(({ ctx, input }) => getMemoryWarnings(ctx.db, input, ctx.actor)),
  link: linker
    .input(domainInput(linkRestatementInput))
    .mutation(({ ctx, input }) => linkRestatement(ctx.db, input, ctx.actor)),
  unlink: linker
    .input(domainInput(unlinkRestatementInput))
    .mutation(({ ctx, input }) => unlinkRestatement(ctx.db, input, ctx.actor)),
  hearingOutcomes: protectedProcedure
    .input(domainInput(z.object({ hearingId: z.uuid({ error: "invalid" }) })))
    .query(({ ctx, input }) => listHearingOutcomes(ctx.db, input, ctx.actor)),
  recordOutcome: outcomes
    .input(domainInput(recordOutcomeInput))
    .mutation(({ ctx, input }) => recordOutcome(ctx.db, input, ctx.actor)),
  positionOutcomes: protectedProcedure
    .input(domainInput(id))
    .query(({ ctx, input }) => listPositionOutcomes(ctx.db, input, ctx.actor)),
  outcomeInsight: protectedProcedure
    .input(domainInput(outcomePeriodInput))
    .query(({ ctx, input }) => getOutcomeInsight(ctx.db, input, ctx.actor)),
  outcomeReport: protectedProcedure
    .input(domainInput(outcomeReportInput))
    .query(({ ctx, input }) => getOutcomeReport(ctx.db, input, ctx.actor)),
  /** The yearly report as PDF/A and DOCX: rendered by the worker, downloaded from /api/innsikt/gjennomslag/<id>/<kind>. */
  requestReport: reports
    .input(domainInput(outcomeReportInput))
    .mutation(({ ctx, input }) => requestOutcomeReport(ctx.db, input, ctx.actor, ctx.jobs)),
  reportRender: reports
    .input(domainInput(id))
    .query(({ ctx, input }) => getOutcomeReportRender(ctx.db, input, ctx.actor)),
  suggestions: protectedProcedure
    .input(domainInput(id))
    .query(({ ctx, input }) => suggestForLetter(ctx.db, input, ctx.actor)),
  exportOutcomes: protectedProcedure
    .input(domainInput(outcomePeriodInput))
    .query(({ ctx, input }) => exportOutcomes(ctx.db, input, ctx.actor)),
});
