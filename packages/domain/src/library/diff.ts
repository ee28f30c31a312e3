/** Word-level diffs for history views and for a local copy against its library version. Browser-safe. */
import { diffWords } from "diff";

export type WordDiffPart = { value: string; added?: boolean; removed?: boolean };

export function wordDiff(before: string, after: string): WordDiffPart[] {
  return diffWords(before, after).map((p) => ({
    value: p.value,
    added: p.added || undefined,
    removed: p.removed || undefined,
  }));
}
