/** The policy library: what the API, the web and the command line may use (`@innspill/domain`). */
export {
  blockVersionsInput,
  createBlock,
  createBlockInput,
  diffBlockVersions,
  getBlock,
  getBlockVersion,
  listBlocks,
  listBlocksInput,
  listBlockTopics,
  publishBlock,
  publishBlockInput,
  saveBlockDraft,
  saveBlockDraftInput,
} from "./blocks";
export { addFactValue, addFactValueInput, createFact, createFactInput, listFacts } from "./facts";
export {
  commitPlatformImport,
  commitPlatformInput,
  proposePlatformImport,
  proposePlatformInput,
} from "./platform";
export {
  createPosition,
  createPositionInput,
  getPosition,
  listPositions,
  listPositionsInput,
  lookupPositions,
  lookupPositionsInput,
  updatePosition,
  updatePositionInput,
} from "./positions";
export { searchLibrary, searchLibraryInput } from "./search";
