// The letter's fields are written once (LETTER_FIELDS, schemas.ts): a field added to the list but forgotten in the
// letter's document (snapshot → model → PDF) or in «Lag ny versjon» (createRevision) fails here. A field the letter
// does not print says so below, deliberately.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";
import { renderPdf, type DocumentModel } from "@innspill/documents";
import type { Actor } from "../access/actor";
import {
  LETTER_FIELDS,
  letterFieldsOf,
  saveInputOf,
  type LetterFieldKey,
  type LetterFields,
} from "./schemas";
import { createRevision } from "./sending";
import { getSubmission, saveSubmission } from "./submissions";
import { buildSnapshot } from "./snapshot";
import { loadSubmission } from "./load";
import { letterModel } from "./model";

/** A value for every field, each recognisable in the document. */
const VALUES: LetterFields = {
  title: "Feltprøve tittel",
  place: "Feltprøvested",
  date: "2026-11-23",
  recipient: "Feltprøve mottaker",
  theirReference: "Feltprøve-deres-ref",
  ourReference: "Feltprøve-vår-ref",
  letterheadOrganisation: "Feltprøve organisasjon",
  letterheadUnit: "Feltprøve enhet",
  letterheadAddress: "Feltprøve adresse",
  closing: "Feltprøve hilsen",
  signingOrder: "PARALLEL",
};

/** Where each field is in the letter's document, or why it is not printed. */
const IN_DOCUMENT: Record<LetterFieldKey, ((m: DocumentModel) => unknown) | { notPrinted: string }> = {
  title: (m) => m.title,
  place: (m) => m.placeAndDate,
  date: (m) => m.date,
  recipient: (m) => m.recipient,
  theirReference: (m) => m.references.map((r) => r.value),
  ourReference: (m) => m.references.map((r) => r.value),
  letterheadOrganisation: (m) => m.letterhead.organisation,
  letterheadUnit: (m) => m.letterhead.unit,
  letterheadAddress: (m) => m.letterhead.address,
  closing: (m) => m.closing,
  signingOrder: { notPrinted: "the order in which the signatories sign, not part of the letter's text" },
};

let t: TestDatabase;
let a: Record<string, Actor>;
let id: string;
beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  id = (await t.db.submission.findFirstOrThrow()).id;
  const s = await getSubmission(t.db, { id }, a.ingrid!);
  await saveSubmission(t.db, { ...saveInputOf(s, id, s.version), ...VALUES }, a.ingrid!);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe("the letter's fields", () => {
  it("are the list the test knows", () => {
    expect([...LETTER_FIELDS].sort()).toEqual(Object.keys(VALUES).sort());
  });

  it("every field is in the letter's document and its PDF, or says why not", async () => {
    const { snapshot } = await buildSnapshot(t.db, await loadSubmission(t.db, id, a.ingrid!));
    const model = await letterModel(t.db, snapshot);
    const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: renderPdf(model) })
      .toString("utf8")
      .replace(/\s+/g, " ");
    for (const key of LETTER_FIELDS) {
      const where = IN_DOCUMENT[key];
      if ("notPrinted" in where) continue;
      expect(JSON.stringify(where(model)), key).toContain(String(VALUES[key]));
      if (key !== "date") expect(pdfText, key).toContain(String(VALUES[key]));
    }
    expect(pdfText).toContain("Feltprøvested, 23. november 2026");
  });

  it("«Lag ny versjon» copies every field", async () => {
    // The copy is made of a signed letter; its status is set here, as signing is tested elsewhere.
    await t.db.submission.update({ where: { id }, data: { status: "SIGNED" } });
    const next = await createRevision(t.db, { id }, a.ingrid!);
    const copy = await getSubmission(t.db, { id: next.id }, a.ingrid!);
    expect(letterFieldsOf(copy)).toEqual(VALUES);
  });
});
