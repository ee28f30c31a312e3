/**
 * A block with facts, found in an imported letter: the diff compares the letter's figures with the facts' values on
 * the letter's date, not with {{placeholders}} cut into pieces.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";
import { detectReuse } from "./reuse";
import { type LetterProposal } from "./letter";

let t: TestDatabase;
let org: string;

beforeAll(async () => {
  let actors;
  ({ t, actors } = await createDemoDatabase({ content: true }));
  org = actors.ingrid!.organisationId;
});
afterAll(async () => {
  await t?.close();
});

const letter = (date: string, members: string): LetterProposal => ({
  place: "Oslo",
  date,
  title: "Høringssvar",
  sections: [
    {
      heading: "Om NITO",
      paragraphs: [
        {
          text: `NITO – Norges Ingeniør- og Teknologorganisasjon er Norges største organisasjon for ingeniører og teknologer med over ${members} medlemmer. Om lag 9 000 av dem arbeider i helsesektoren.`,
          bullet: false,
          footnotes: [],
        },
      ],
      subsections: [],
    },
  ],
  statements: [],
  footnotes: [],
  closing: null,
  signatories: [],
});

it("diffs a block's facts at their value on the letter's date", async () => {
  // 2020: the member count was 91 000, as the letter says; nothing differs but the thousands separator.
  const old = await detectReuse(t.db, letter("2020-10-01", "91 000"), org);
  const match = old.units[0]!.match!;
  expect(match.title).toBe("Om NITO");
  const text = (parts: typeof match.diff) => parts.map((p) => p.value).join("");
  expect(text(match.diff)).not.toContain("{{");
  expect(match.diff.filter((p) => p.removed || p.added).map((p) => p.value.trim())).not.toContain(
    "org.memberCount",
  );
  // 2025: the library says 116 000; a letter that still says 91 000 shows that figure changed.
  const drifted = await detectReuse(t.db, letter("2025-11-20", "91 000"), org);
  const diff = drifted.units[0]!.match!.diff;
  expect(text(diff)).not.toContain("{{");
  expect(
    diff
      .filter((p) => p.removed)
      .map((p) => p.value)
      .join(" "),
  ).toContain("116");
  expect(
    diff
      .filter((p) => p.added)
      .map((p) => p.value)
      .join(" "),
  ).toContain("91");
});
