/** Imports and reuse: what the API, the web and the command line may use (`@innspill/domain`). */
export { commitLetterImport, commitLetterInput } from "./commit";
export { docxText } from "./extract";
export { getInsight, insightInput } from "./insight";
export { parseLetter, sentencesOf, unitsOf } from "./letter";
export { proposeLetterImport, proposeLetterInput } from "./propose";
export { listBlockUsages } from "./usages";
