/**
 * Importing a letter Innspill already holds: the demo's 2020 budget letter, imported once against the demo's 2020
 * hearing, is recognised when it comes again (the same text, or pasted anew with other line breaks and a corrected
 * word), with a link to where it is; saving it again is refused in Norwegian until the user confirms. Another
 * organisation's letters are never named.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, createOtherOrganisation } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { AppError } from "../common/errors";
import { domainMessages } from "../i18n/messages";
import { commitLetterImport, proposeLetterImport } from "./index";
import { textSimilarity, letterText, NEAR_IDENTICAL } from "./duplicates";

const fixture = (name: string) =>
  readFileSync(path.resolve(__dirname, "../../../../fixtures/documents", name), "utf8");
const BUDGET_2020 = fixture("submission-2020-statsbudsjett-2021.txt");

let t: TestDatabase;
let a: Record<string, Actor>;
let other: Actor;
let hearingId: string;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase());
  other = await createOtherOrganisation(t.db, "annen-forening");
  hearingId = (await t.db.hearing.findFirstOrThrow({ where: { title: "Innspill til statsbudsjett 2021" } }))
    .id;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const propose = (text: string, actor: Actor = a.ingrid!) => proposeLetterImport(t.db, { text }, actor);
const save = (
  proposal: Awaited<ReturnType<typeof propose>>["proposal"],
  extra: Record<string, unknown> = {},
  actor: Actor = a.ingrid!,
) =>
  commitLetterImport(
    t.db,
    {
      proposal: { ...proposal, date: "2020-10-14" },
      hearingId,
      positionLinks: [],
      blockLinks: [],
      newPositions: [],
      ...extra,
    },
    actor,
  );

describe("a letter Innspill already holds", () => {
  it("is nothing special the first time", async () => {
    const first = await propose(BUDGET_2020);
    expect(first.duplicates).toEqual([]);
    await save(first.proposal);
    expect(await t.db.importedLetter.count()).toBe(1);
  });

  it("is named when it comes again, with its hearing to link to", async () => {
    const again = await propose(BUDGET_2020);
    expect(again.duplicates).toEqual([
      {
        id: expect.any(String),
        title: "NITOs innspill til statsbudsjett 2021",
        sentOn: "2020-10-14",
        hearing: { id: hearingId, title: "Innspill til statsbudsjett 2021" },
        exact: true,
        similarity: 1,
      },
    ]);
  });

  it("is named when pasted with other line breaks and a word corrected: near-identical, not exact", async () => {
    // Copied from another program: no trailing spaces, no empty lines between the lines, and a word corrected.
    const rewrapped = BUDGET_2020.replace(/[ \t]+\n/g, "\n")
      .replace(/\n\n(?=[a-zæøå])/g, "\n")
      .replace("mange andre", "flere andre");
    const near = await propose(rewrapped);
    expect(near.duplicates).toHaveLength(1);
    expect(near.duplicates[0]).toMatchObject({ hearing: { id: hearingId }, exact: false });
    expect(near.duplicates[0]!.similarity).toBeGreaterThanOrEqual(NEAR_IDENTICAL);
    expect(near.duplicates[0]!.similarity).toBeLessThan(1);
  });

  it("is not claimed for another letter, nor for another organisation", async () => {
    expect((await propose(fixture("submission-2025-helsereformutvalget.txt"))).duplicates).toEqual([]);
    expect((await propose(BUDGET_2020, other)).duplicates).toEqual([]);
    // The other letter is far from the 2020 one by the same measure.
    const a2020 = letterText((await propose(BUDGET_2020)).proposal);
    const a2025 = letterText((await propose(fixture("submission-2025-helsereformutvalget.txt"))).proposal);
    expect(textSimilarity(a2020, a2025)).toBeLessThan(0.1);
  });

  it("is not saved again unless the user confirms, and the refusal says why in Norwegian", async () => {
    const { proposal } = await propose(BUDGET_2020);
    const err = await save(proposal).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: "CONFLICT",
      message: "importDuplicate",
      fieldErrors: { confirmDuplicate: ["importDuplicate"] },
      details: { duplicates: [{ hearing: { id: hearingId }, exact: true }] },
    });
    expect(domainMessages.nb.importDuplicate).toMatch(/^Dette brevet finnes allerede i Innspill\./);
    expect(await t.db.importedLetter.count()).toBe(1);

    const confirmed = await save(proposal, { confirmDuplicate: true });
    expect(confirmed.hearingId).toBe(hearingId);
    expect(await t.db.importedLetter.count()).toBe(2);
  });
});
