/**
 * Keeps reuse detection from getting worse: the labelled set of `fixtures/reuse` must stay at precision ≥ 0.98 and
 * recall ≥ 0.95 for positions and for blocks. Thresholds, not a snapshot: an improvement passes too.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "@innspill/domain";
import { createDemoDatabase } from "./testing";
import { evaluateReuse, formatReuseReport, importReuseLibrary } from "./reuse-evaluation";

let t: TestDatabase;
let a: Record<string, Actor>;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  await importReuseLibrary(t.db, a.ingrid!);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

it("finds the library's positions and blocks in the labelled letters with precision ≥ 0.98 and recall ≥ 0.95", async () => {
  const report = await evaluateReuse(t.db, a.ingrid!);
  console.log(formatReuseReport(report));
  expect(report.statements).toBeGreaterThanOrEqual(150);
  expect(report.positives).toBeGreaterThanOrEqual(40);
  expect(report.hardNegatives).toBeGreaterThanOrEqual(25);
  expect(report.positions.precision).toBeGreaterThanOrEqual(0.98);
  expect(report.positions.recall).toBeGreaterThanOrEqual(0.95);
  expect(report.blocks.precision).toBeGreaterThanOrEqual(0.98);
  expect(report.blocks.recall).toBeGreaterThanOrEqual(0.95);
});
