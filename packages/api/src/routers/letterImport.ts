import { z } from "zod";
import {
  LIBRARY_EDITORS,
  commitLetterImport,
  commitLetterInput,
  getInsight,
  insightInput,
  listBlockUsages,
  proposeLetterImport,
  proposeLetterInput,
} from "@innspill/domain";
import { protectedProcedure, roleProcedure, router } from "../trpc";

const editor = roleProcedure(LIBRARY_EDITORS);

export const letterImportRouter = router({
  /** Reads the letter and proposes its parts and library matches; saves nothing (a mutation for its large input). */
  propose: editor
    .input(proposeLetterInput)
    .mutation(({ ctx, input }) => proposeLetterImport(ctx.db, input, ctx.actor)),
  commit: editor
    .input(commitLetterInput)
    .mutation(({ ctx, input }) => commitLetterImport(ctx.db, input, ctx.actor)),
  blockUsages: protectedProcedure
    .input(z.object({ id: z.uuid({ error: "invalid" }) }))
    .query(({ ctx, input }) => listBlockUsages(ctx.db, input, ctx.actor)),
  insight: protectedProcedure
    .input(insightInput)
    .query(({ ctx, input }) => getInsight(ctx.db, input, ctx.actor)),
});
