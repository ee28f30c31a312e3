import { z } from "zod";
import {
  commitLetterImport,
  commitLetterInput,
  getInsight,
  insightInput,
  listBlockUsages,
  proposeLetterImport,
  proposeLetterInput,
} from "@innspill/domain";
import { permissionProcedure, protectedProcedure, router, domainInput } from "../trpc";
import { once } from "../idempotency";

const editor = permissionProcedure("library.edit");

export const letterImportRouter = router({
  /** Reads the letter and proposes its parts and library matches; saves nothing (a mutation for its large input). */
  propose: editor
    .input(domainInput(proposeLetterInput))
    .mutation(({ ctx, input }) => proposeLetterImport(ctx.db, input, ctx.actor)),
  commit: editor
    .input(domainInput(commitLetterInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "letterImport.commit", input, () => commitLetterImport(ctx.db, input, ctx.actor)),
    ),
  blockUsages: protectedProcedure
    .input(domainInput(z.object({ id: z.uuid({ error: "invalid" }) })))
    .query(({ ctx, input }) => listBlockUsages(ctx.db, input, ctx.actor)),
  insight: protectedProcedure
    .input(domainInput(insightInput))
    .query(({ ctx, input }) => getInsight(ctx.db, input, ctx.actor)),
});
