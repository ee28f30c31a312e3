import { inlineJobs } from "../common/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "../access/actor";
import { AppError } from "../common/errors";
import { createDemoDatabase } from "@innspill/demo/testing";
import { publishBlock, saveBlockDraft } from "../library/blocks";
import type { BlockBody } from "../library/body";
import { createSignatory } from "./signatories";
import {
  createSubmission,
  getSubmission,
  previewSubmission,
  saveSubmission,
  type SubmissionView,
} from "./submissions";
import { replacePositionInBody, saveInputOf, type SaveSubmissionInput } from "./schemas";
import { requestRender } from "./renders";
import { type SubmissionWarning } from "./snapshot";

let t: TestDatabase;
let actors: Record<string, Actor>;
let letter: SubmissionView;

beforeAll(async () => {
  ({ t, actors } = await createDemoDatabase({ content: true }));
  const s = await t.db.submission.findFirstOrThrow();
  letter = await getSubmission(t.db, { id: s.id }, actors.ingrid!);
});
afterAll(async () => {
  await t?.close();
});

/** The save input for a letter as it is, with changes. */
function input(s: SubmissionView, changes: Partial<SaveSubmissionInput> = {}): SaveSubmissionInput {
  return { ...saveInputOf(s, s.id, s.version), ...changes };
}
const save = async (changes: Partial<SaveSubmissionInput>) =>
  (letter = await saveSubmission(t.db, input(letter, changes), actors.ingrid!));
const preview = () => previewSubmission(t.db, { id: letter.id }, actors.ingrid!);
const kinds = (w: SubmissionWarning[]) => w.map((x) => x.kind).sort();

const footnote = (text: string) => ({ type: "footnote" as const, attrs: { text } });
const para = (...content: unknown[]) => ({ type: "paragraph", content }) as BlockBody["content"][number];

describe("a submission", () => {
  it("is created once per hearing, with the hearing's recipient and references", async () => {
    const hearing = await t.db.hearing.findFirstOrThrow({ where: { submissions: { none: {} } } });
    const a = await createSubmission(t.db, { hearingId: hearing.id }, actors.martin!);
    const b = await createSubmission(t.db, { hearingId: hearing.id }, actors.ingrid!);
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    const s = await getSubmission(t.db, { id: a.id }, actors.martin!);
    expect(s.recipient).toBeTruthy();
    expect(s.letterheadOrganisation).toMatch(/^NITO/);
    await expect(createSubmission(t.db, { hearingId: hearing.id }, actors.kaja!)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("resolves facts and signatory titles by the letter's date", async () => {
    await save({ date: "2025-11-20" });
    let p = await preview();
    expect(p.html).toContain("over 116\u00a0000 medlemmer");
    expect(p.html).toContain("Fagstyreleder, NITO BFI");
    expect(p.html).toContain("Oslo, 20. november 2025");

    await save({ date: "2021-03-01" });
    p = await preview();
    expect(p.html).toContain("over 91\u00a0000 medlemmer");
    expect(p.html).toContain("Styremedlem, NITO BFI");
    expect(p.html).not.toContain("Fagstyreleder");
  });

  it("warns about a signatory with no title on the date", async () => {
    const s = await createSignatory(
      t.db,
      { name: "Ny Leder", titles: [{ title: "Leder", validFrom: "2026-01-01" }] },
      actors.admin!,
    );
    await save({ signatories: [...letter.signatories, { signatoryId: s.id, note: null }] });
    const p = await preview();
    expect(p.warnings).toContainEqual(
      expect.objectContaining({ kind: "signatoryNoTitle", signatoryId: s.id, name: "Ny Leder" }),
    );
    await save({ date: "2026-02-01", signatories: letter.signatories.slice(0, 2) });
    expect(kinds((await preview()).warnings)).not.toContain("signatoryNoTitle");
  });

  it("keeps a pinned block pinned until it is updated explicitly", async () => {
    const section = letter.sections.findIndex((x) => x.heading === "Bioingeniører");
    const pinned = letter.sections[section]!.library!;
    const block = await t.db.textBlock.findUniqueOrThrow({ where: { id: pinned.blockId } });
    const body: BlockBody = {
      type: "doc",
      content: [para({ type: "text", text: "Ny tekst fra biblioteket." })],
    };
    const draft = await saveBlockDraft(
      t.db,
      { id: block.id, version: block.version, heading: block.heading, topics: block.topics, body },
      actors.martin!,
    );
    const v2 = await publishBlock(
      t.db,
      { id: block.id, version: draft.version, reason: "Oppdatert" },
      actors.martin!,
    );

    // The letter still has version 1, and says that a newer one exists.
    let p = await preview();
    expect(p.html).toContain("utdannet langt færre bioingeniører");
    expect(p.html).not.toContain("Ny tekst fra biblioteket");
    expect(p.warnings).toContainEqual(
      expect.objectContaining({
        kind: "blockOutdated",
        section,
        pinned: 1,
        latest: 2,
        latestVersionId: v2.id,
      }),
    );

    // Updating is a save with the newer version.
    const sections = input(letter).sections.map((x, i) =>
      i === section ? { kind: "BLOCK" as const, blockVersionId: v2.id } : x,
    );
    await save({ sections });
    p = await preview();
    expect(p.html).toContain("Ny tekst fra biblioteket");
    expect(kinds(p.warnings)).not.toContain("blockOutdated");
  });

  it("warns about a retired position and offers its replacement", async () => {
    let p = await preview();
    const warning = p.warnings.find((w) => w.kind === "positionRetired");
    expect(warning).toMatchObject({
      statement: "Laboratoriene må få moderne IT-systemer.",
      replacement: { statement: expect.stringContaining("Laboratoriedatasystemer") },
    });
    if (warning?.kind !== "positionRetired") throw new Error("no warning");

    // The fix: a local copy of the block with the replacement.
    const section = letter.sections[warning.section]!;
    const sections = input(letter).sections.map((x, i) =>
      i === warning.section
        ? {
            kind: "LOCAL" as const,
            blockVersionId: section.library!.versionId,
            heading: section.heading,
            body: replacePositionInBody(section.body, warning.positionId, warning.replacement!.id),
          }
        : x,
    );
    await save({ sections });
    p = await preview();
    expect(kinds(p.warnings)).not.toContain("positionRetired");
    expect(p.html).toContain("Laboratoriedatasystemer må kommunisere");
    expect(letter.sections[warning.section]!.kind).toBe("LOCAL");
  });

  it("numbers footnotes across blocks, local copies and free text", async () => {
    const sections = [
      ...input(letter).sections,
      {
        kind: "FREE" as const,
        heading: "Avslutning",
        body: {
          type: "doc" as const,
          content: [
            para(
              { type: "text", text: "Først" },
              footnote("Kilde A"),
              { type: "text", text: " så" },
              footnote("Kilde B"),
            ),
            para({ type: "text", text: "Igjen" }, footnote("Kilde A")),
          ],
        },
      },
    ];
    await save({ sections });
    const { html } = await preview();
    // The Bioingeniører block (now version 2) has no footnote; the digital block none; the free text two.
    expect([...html.matchAll(/<li id="fn-(\d+)">([^<]*)/g)].map((m) => [m[1], m[2]])).toEqual([
      ["1", "Kilde A"],
      ["2", "Kilde B"],
    ]);
    expect(html.match(/href="#fn-1"/g)).toHaveLength(2);
  });

  it("flags a hand-typed member count that differs from the fact, and a local copy that says something else", async () => {
    const about = letter.sections.findIndex((x) => x.heading === "Om NITO");
    const sections = input(letter).sections.map((x, i) =>
      i === about
        ? {
            kind: "LOCAL" as const,
            blockVersionId: letter.sections[about]!.library!.versionId,
            heading: "Om NITO",
            body: {
              type: "doc" as const,
              content: [
                para({
                  type: "text",
                  text: "NITO har over 91 000 medlemmer og mener at skolen trenger flere lærere i realfag.",
                }),
              ],
            },
          }
        : x,
    );
    await save({ date: "2025-11-20", sections });
    const { warnings } = await preview();
    expect(warnings).toContainEqual(
      expect.objectContaining({
        kind: "figureContradictsFact",
        key: "org.memberCount",
        typed: "91\u00a0000",
        current: "116\u00a0000",
      }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({ kind: "localEditDiverges", section: about, heading: "Om NITO" }),
    );
  });

  it("refuses a save from a stale version and keeps what was saved", async () => {
    const stale = input(letter, { title: "Min tittel" });
    await save({ title: "Den andres tittel" });
    const err = await saveSubmission(t.db, stale, actors.martin!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "CONFLICT", details: { current: { title: "Den andres tittel" } } });
    expect((await getSubmission(t.db, { id: letter.id }, actors.ingrid!)).title).toBe("Den andres tittel");
  });

  it("refuses references to another organisation's blocks and unknown signatories", async () => {
    await expect(
      save({ sections: [{ kind: "BLOCK", blockVersionId: "00000000-0000-4000-8000-000000000000" }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "unknownBlockVersion" });
    await expect(
      save({ signatories: [{ signatoryId: "00000000-0000-4000-8000-000000000000" }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "unknownSignatory" });
  });

  it("freezes a snapshot per render request and reuses it for the same content", async () => {
    const a = await requestRender(t.db, { id: letter.id }, actors.kaja!, inlineJobs);
    expect(a.enqueue).toBe(true);
    expect(a.render.status).toBe("QUEUED");
    const b = await requestRender(t.db, { id: letter.id }, actors.ingrid!, inlineJobs);
    expect(b.render.id).toBe(a.render.id);
    expect((await preview()).snapshotSha256).toBe(a.render.snapshotSha256);

    await save({ title: "Endret tittel" });
    const c = await requestRender(t.db, { id: letter.id }, actors.ingrid!, inlineJobs);
    expect(c.render.id).not.toBe(a.render.id);
    expect(c.render.snapshotSha256).not.toBe(a.render.snapshotSha256);
  });

  it("refuses to render a letter without signatories", async () => {
    await save({ signatories: [] });
    await expect(requestRender(t.db, { id: letter.id }, actors.ingrid!, inlineJobs)).rejects.toMatchObject({
      message: "renderNeedsSignatory",
    });
  });
});

describe("the signatory register", () => {
  it("refuses overlapping titles", async () => {
    await expect(
      createSignatory(
        t.db,
        {
          name: "Overlapp",
          titles: [
            { title: "A", validFrom: "2020-01-01", validTo: "2024-12-31" },
            { title: "B", validFrom: "2024-06-01" },
          ],
        },
        actors.admin!,
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { titles: ["titlesOverlap"] } });
  });
});
