/** What the parts of `npm run bench` share: a row of the table, percentiles, interleaved runs. */
import { performance } from "node:perf_hooks";

export interface Row {
  measure: string;
  ours: number;
  baseline: number;
  goal: string;
  pass: boolean;
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Runs each function `rounds` times, interleaved (A, B, A, B …) so that machine noise hits both; sorted samples. */
export async function interleaved(rounds: number, ...runs: (() => Promise<unknown>)[]) {
  for (const run of runs) await run(); // warm-up
  const samples = runs.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++)
    for (const [i, run] of runs.entries()) {
      const start = performance.now();
      await run();
      samples[i]!.push(performance.now() - start);
    }
  return samples.map((s) => s.sort((a, b) => a - b));
}
