/**
 * The letter that leaves (template version 3): «Vår ref.» is the hearing's reference, or else its case number; «Deres
 * ref.» the issuing body's reference from the hearing; the contact person the hearing's responsible adviser, with
 * name and e-mail, in the snapshot and printed in the PDF. A letter of an earlier template keeps its snapshot as it was.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";
import { LATEST_TEMPLATE_VERSION, renderPdf } from "@innspill/documents";
import type { Actor } from "../access/actor";
import { createHearing } from "../hearings/index";
import { createSubmission, getSubmission } from "./index";
import { loadSubmission } from "./load";
import { letterModel } from "./model";
import { buildSnapshot } from "./snapshot";

let t: TestDatabase;
let a: Record<string, Actor>;
let bodyId: string;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase());
  bodyId = (await t.db.issuingBody.findFirstOrThrow({ where: { name: "Helsedirektoratet" } })).id;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const pdfText = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: pdf })
    .toString("utf8")
    .split("\n")
    .map((l) => l.trim().replace(/\s+/g, " "));

async function letterFor(extra: Record<string, unknown>) {
  const hearing = await createHearing(
    t.db,
    {
      title: "Høring om laboratorier",
      issuingBodyId: bodyId,
      kind: "HORING",
      deadline: "2030-05-02",
      ...extra,
    },
    a.ingrid!,
  );
  const { id } = await createSubmission(t.db, { hearingId: hearing.id }, a.ingrid!);
  return { hearing, id };
}

describe("the letter's references and contact person", () => {
  it("«Vår ref.» is the case number when the hearing has no reference of its own; the adviser is the contact", async () => {
    expect(LATEST_TEMPLATE_VERSION).toBe(3);
    const { id } = await letterFor({ theirReference: "26/4410-2" });
    const letter = await getSubmission(t.db, { id }, a.ingrid!);
    expect(letter.hearing.caseNumber).toMatch(/^\d{4}\/\d+$/);
    expect(letter.ourReference).toBe(letter.hearing.caseNumber);
    expect(letter.theirReference).toBe("26/4410-2");

    const { snapshot } = await buildSnapshot(t.db, await loadSubmission(t.db, id, a.ingrid!));
    expect(snapshot.templateVersion).toBe(3);
    expect(snapshot.contact).toEqual({ name: "Ingrid Solberg", email: "ingrid@nito.test" });
    const lines = pdfText(renderPdf(await letterModel(t.db, snapshot)));
    expect(lines).toContain("Deres ref.: 26/4410-2");
    expect(lines).toContain(`Vår ref.: ${letter.hearing.caseNumber}`);
    expect(lines).toContain("Kontaktperson: Ingrid Solberg, ingrid@nito.test");
  });

  it("keeps the hearing's own reference, and names no contact when nobody is responsible", async () => {
    const { id } = await letterFor({ ourReference: "26/00999", responsibleId: "" });
    expect((await getSubmission(t.db, { id }, a.ingrid!)).ourReference).toBe("26/00999");
    const { snapshot } = await buildSnapshot(t.db, await loadSubmission(t.db, id, a.ingrid!));
    expect(snapshot.contact).toBeNull();
    const lines = pdfText(renderPdf(await letterModel(t.db, snapshot)));
    expect(lines).toContain("Vår ref.: 26/00999");
    expect(lines.some((l) => l.startsWith("Kontaktperson"))).toBe(false);
  });

  it("a letter of template version 2 keeps its snapshot: no contact, so its hash and approvals stay", async () => {
    const { id } = await letterFor({});
    await t.db.submission.update({ where: { id }, data: { templateVersion: 2 } });
    const built = await buildSnapshot(t.db, await loadSubmission(t.db, id, a.ingrid!));
    expect(built.snapshot.templateVersion).toBe(2);
    expect(built.snapshot).not.toHaveProperty("contact");
    expect(built.json).not.toContain("Kontaktperson");
    expect(built.json).not.toContain('"contact"');
  });
});
