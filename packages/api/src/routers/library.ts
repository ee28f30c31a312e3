import { z } from "zod";
import {
  addFactValue,
  addFactValueInput,
  blockVersionsInput,
  commitPlatformImport,
  commitPlatformInput,
  createBlock,
  createBlockInput,
  createFact,
  createFactInput,
  createPosition,
  createPositionInput,
  diffBlockVersions,
  getBlock,
  getBlockVersion,
  getPosition,
  listBlocks,
  listBlocksInput,
  listBlockTopics,
  listFacts,
  listPositions,
  listPositionsInput,
  lookupPositions,
  lookupPositionsInput,
  proposePlatformImport,
  proposePlatformInput,
  publishBlock,
  publishBlockInput,
  saveBlockDraft,
  saveBlockDraftInput,
  searchLibrary,
  searchLibraryInput,
  updatePosition,
  updatePositionInput,
} from "@innspill/domain";
import { permissionProcedure, protectedProcedure, router, domainInput } from "../trpc";
import { once } from "../idempotency";

const editor = permissionProcedure("library.edit");
const byId = z.object({ id: z.uuid({ error: "invalid" }) });

export const libraryRouter = router({
  search: protectedProcedure
    .input(domainInput(searchLibraryInput))
    .query(({ ctx, input }) => searchLibrary(ctx.db, input, ctx.actor)),
  positions: protectedProcedure
    .input(domainInput(listPositionsInput))
    .query(({ ctx, input }) => listPositions(ctx.db, input, ctx.actor)),
  positionLookup: protectedProcedure
    .input(domainInput(lookupPositionsInput))
    .query(({ ctx, input }) => lookupPositions(ctx.db, input, ctx.actor)),
  position: protectedProcedure
    .input(domainInput(byId))
    .query(({ ctx, input }) => getPosition(ctx.db, input, ctx.actor)),
  createPosition: editor
    .input(domainInput(createPositionInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "library.createPosition", input, () => createPosition(ctx.db, input, ctx.actor)),
    ),
  updatePosition: editor
    .input(domainInput(updatePositionInput))
    .mutation(({ ctx, input }) => updatePosition(ctx.db, input, ctx.actor)),
  blocks: protectedProcedure
    .input(domainInput(listBlocksInput))
    .query(({ ctx, input }) => listBlocks(ctx.db, input, ctx.actor)),
  blockTopics: protectedProcedure.query(({ ctx }) => listBlockTopics(ctx.db, ctx.actor)),
  block: protectedProcedure
    .input(domainInput(byId))
    .query(({ ctx, input }) => getBlock(ctx.db, input, ctx.actor)),
  blockVersion: protectedProcedure
    .input(domainInput(byId))
    .query(({ ctx, input }) => getBlockVersion(ctx.db, input, ctx.actor)),
  blockDiff: protectedProcedure
    .input(domainInput(blockVersionsInput))
    .query(({ ctx, input }) => diffBlockVersions(ctx.db, input, ctx.actor)),
  createBlock: editor
    .input(domainInput(createBlockInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "library.createBlock", input, () => createBlock(ctx.db, input, ctx.actor)),
    ),
  saveBlockDraft: editor
    .input(domainInput(saveBlockDraftInput))
    .mutation(({ ctx, input }) => saveBlockDraft(ctx.db, input, ctx.actor)),
  publishBlock: editor
    .input(domainInput(publishBlockInput))
    .mutation(({ ctx, input }) => publishBlock(ctx.db, input, ctx.actor)),
  facts: protectedProcedure.query(({ ctx }) => listFacts(ctx.db, ctx.actor)),
  createFact: editor
    .input(domainInput(createFactInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "library.createFact", input, () => createFact(ctx.db, input, ctx.actor)),
    ),
  addFactValue: editor
    .input(domainInput(addFactValueInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "library.addFactValue", input, () => addFactValue(ctx.db, input, ctx.actor)),
    ),
  // A proposal is computed, not saved; it is a mutation because the text can be large.
  proposeImport: editor
    .input(domainInput(proposePlatformInput))
    .mutation(({ ctx, input }) => proposePlatformImport(input, ctx.actor)),
  commitImport: editor
    .input(domainInput(commitPlatformInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "library.commitImport", input, () => commitPlatformImport(ctx.db, input, ctx.actor)),
    ),
});
