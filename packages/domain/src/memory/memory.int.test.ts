/**
 * The organisation's memory while writing and after sending, against the demo organisation with its library, and a
 * second real organisation that must see none of it: the composer's own text recognised with the import's matching,
 * linked and counted when sent; contradictions and retired positions warned with their fix; outcomes recorded, shown,
 * counted, exported and reported as PDF/A and DOCX.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, createOtherOrganisation, sendDemoLetter } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { getInsight } from "../imports/insight";
import { docxText, pdfText } from "../imports/extract";
import { inlineJobs, type JobQueue } from "../common/jobs";
import { pdfaLevel } from "../noark/formats";
import { renderOutcomeReport, renderOutcomeReportFiles } from "../worker";
import {
  exportOutcomes,
  getOutcomeInsight,
  listHearingOutcomes,
  listPositionOutcomes,
  outcomesCsv,
  recordOutcome,
} from "./outcomes";
import { getOutcomeReportFile, getOutcomeReportRender, requestOutcomeReport } from "./report-files";
import { getMemoryWarnings, recogniseLetterText } from "./recognise";
import { getOutcomeReport } from "./report";
import { linkRestatement, unlinkRestatement } from "./restatements";
import { suggestForLetter } from "./suggestions";

let t: TestDatabase;
let a: Record<string, Actor>;
let other: Actor;
let letterId: string;
const P = {
  // Two sentences, so a letter may say it in two.
  studies:
    "Staten må finansiere flere studieplasser i bioingeniørfag. Studieplassene bør legges til universitetene i Nord-Norge.",
  labs: "Sykehusene skal ha egne laboratorieingeniører i alle akuttmottak.",
  retired: "Kommunene bør ansette flere ingeniører innen vann og avløp.",
  replacement:
    "Kommunene må sikre ingeniørkompetanse i vann- og avløpssektoren gjennom interkommunalt samarbeid.",
};
const ids: Record<keyof typeof P, string> = { studies: "", labs: "", retired: "", replacement: "" };

const doc = (...paragraphs: string[]) => ({
  type: "doc" as const,
  content: paragraphs.map((text) => ({
    type: "paragraph" as const,
    content: [{ type: "text" as const, text }],
  })),
});

/** Reworded, inflected and split over two sentences, in a paragraph of other things. */
const RESTATED =
  "Regionen mangler fagfolk i laboratoriene. Vi ber derfor om at staten finansierer flere studieplasser i " +
  "bioingeniørfaget. Studieplassene bør legges til universitetet i Nord-Norge.";
/** Many of the same words, not the same statement. */
const UNRELATED =
  "Studentene ved universitetene i Nord-Norge forteller at studieplassene i bioingeniørfag er krevende, og staten vet det.";
const NEGATED = "Sykehusene skal ikke ha egne laboratorieingeniører i akuttmottakene.";
const RETIRED = "Vi mener at kommunene fortsatt bør ansette flere ingeniører innen vann og avløp.";

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  other = await createOtherOrganisation(t.db, "minne");
  const org = a.ingrid!.organisationId;
  for (const key of ["replacement", "studies", "labs", "retired"] as const)
    ids[key] = (
      await t.db.position.create({
        data: {
          organisationId: org,
          statement: P[key],
          topics: key === "studies" ? ["utdanning"] : key === "labs" ? ["helse"] : ["kommune"],
          status: key === "retired" ? "RETIRED" : "ACTIVE",
          replacedById: key === "retired" ? ids.replacement : null,
          versions: {
            create: { number: 1, statement: P[key], topics: [], status: "ACTIVE", reason: "test" },
          },
        },
      })
    ).id;
  // The other organisation holds the same statement: its library is its own.
  await t.db.position.create({
    data: {
      organisationId: other.organisationId,
      statement: P.studies,
      topics: ["utdanning"],
      status: "ACTIVE",
    },
  });
  const s = await t.db.submission.findFirstOrThrow({ include: { sections: true } });
  letterId = s.id;
  await t.db.submissionSection.create({
    data: {
      submissionId: s.id,
      position: s.sections.length,
      kind: "FREE",
      heading: "Utdanning",
      body: doc(RESTATED, UNRELATED),
    },
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("recognition in the composer", () => {
  it("marks a reworded, inflected restatement over two sentences, and not a sentence sharing its words", async () => {
    const { recognitions } = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 4, body: doc(RESTATED, UNRELATED) }] },
      a.ingrid!,
    );
    const mine = recognitions.filter((r) => r.positionId === ids.studies);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: "restates",
      section: 4,
      paragraph: 0,
      sentence: 1,
      sentences: 2,
      label: "reworded",
      linked: false,
    });
    expect(mine[0]!.wording).toContain("finansierer flere studieplasser");
    // Nothing is found in the second paragraph, which shares the words but says something else.
    expect(recognitions.filter((r) => r.paragraph === 1)).toEqual([]);
  });

  it("warns of a negated restatement and of a retired position, offering its replacement", async () => {
    const { recognitions } = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 0, body: doc(NEGATED, RETIRED) }] },
      a.ingrid!,
    );
    expect(recognitions.map((r) => [r.kind, r.positionId, r.paragraph, r.item])).toEqual([
      ["contradicts", ids.labs, 0, null],
      ["retired", ids.retired, 1, null],
    ]);
    expect(recognitions[1]!.replacement).toEqual({ id: ids.replacement, statement: P.replacement });
    // The same sentence said as the library says it is a restatement, not a contradiction.
    const same = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 0, body: doc(P.labs) }] },
      a.ingrid!,
    );
    expect(same.recognitions.map((r) => [r.kind, r.label])).toEqual([["restates", "same"]]);
  });

  it("warns when two sentences of the letter contradict each other's positions, in one section or across two", async () => {
    const { recognitions, conflicts } = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 1, body: doc(P.labs, "Det er godt nytt.", NEGATED) }] },
      a.ingrid!,
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      kind: "negates",
      positionId: ids.labs,
      other: null,
      said: { section: 1, paragraph: 0, wording: P.labs },
      against: { section: 1, paragraph: 2, wording: NEGATED },
    });
    // The letter's own restatement is still linkable; its contradiction is warned of once, as the conflict.
    expect(recognitions.map((r) => [r.kind, r.positionId])).toEqual([["restates", ids.labs]]);

    const across = await recogniseLetterText(
      t.db,
      {
        submissionId: letterId,
        sections: [
          { index: 0, body: doc(NEGATED) },
          { index: 3, body: doc("Innledningen er kort.", P.labs) },
        ],
      },
      a.ingrid!,
    );
    expect(across.conflicts.map((c) => [c.kind, c.said.section, c.against.section])).toEqual([
      ["negates", 3, 0],
    ]);

    // A retired position and the one that replaced it, both argued: the retired sentence is the one to go.
    const REPLACEMENT =
      "Kommunene må sikre ingeniørkompetanse i vann- og avløpssektoren gjennom interkommunalt samarbeid.";
    const replaced = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 2, body: doc(RETIRED, REPLACEMENT) }] },
      a.ingrid!,
    );
    expect(replaced.conflicts).toHaveLength(1);
    expect(replaced.conflicts[0]).toMatchObject({
      kind: "replaced",
      positionId: ids.retired,
      other: { id: ids.replacement, statement: P.replacement },
      said: { section: 2, paragraph: 0, wording: RETIRED },
      against: { section: 2, paragraph: 1 },
    });
    expect(replaced.recognitions.map((r) => [r.kind, r.positionId])).toEqual([["restates", ids.replacement]]);

    // Along a chain of replacements: retired, retired, in force. The oldest and the newest together conflict, and
    // the oldest alone is offered the one in force.
    const org = a.ingrid!.organisationId;
    const make = (statement: string, status: "ACTIVE" | "RETIRED", replacedById: string | null) =>
      t.db.position.create({
        data: { organisationId: org, statement, topics: ["energi"], status, replacedById },
      });
    const newest = await make(
      "Fjernvarmenettene må bygges ut i alle byer med over 20 000 innbyggere.",
      "ACTIVE",
      null,
    );
    const middle = await make("Fjernvarme bør prioriteres i de største byene.", "RETIRED", newest.id);
    const oldest = await make(
      "Staten må gi tilskudd til varmepumper i kommunale bygg.",
      "RETIRED",
      middle.id,
    );
    const chain = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 0, body: doc(oldest.statement, newest.statement) }] },
      a.ingrid!,
    );
    expect(chain.conflicts.map((c) => [c.kind, c.positionId, c.other?.id])).toEqual([
      ["replaced", oldest.id, newest.id],
    ]);
    const alone1 = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 0, body: doc(oldest.statement) }] },
      a.ingrid!,
    );
    expect(alone1.recognitions.map((r) => [r.kind, r.replacement?.id])).toEqual([["retired", newest.id]]);
    await t.db.position.deleteMany({ where: { id: { in: [oldest.id, middle.id, newest.id] } } });

    // One sentence alone against the library is no conflict within the letter.
    const alone = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 0, body: doc(NEGATED, RETIRED) }] },
      a.ingrid!,
    );
    expect(alone.conflicts).toEqual([]);
  });

  it("shows the saved letter's warnings on the approval page", async () => {
    const s = await t.db.submission.findFirstOrThrow({
      where: { id: letterId },
      include: { sections: true },
    });
    const section = await t.db.submissionSection.create({
      data: {
        submissionId: s.id,
        position: s.sections.length,
        kind: "FREE",
        heading: "X",
        body: doc(NEGATED),
      },
    });
    const { warnings, conflicts } = await getMemoryWarnings(t.db, { id: letterId }, a.kaja!);
    expect(warnings.map((w) => [w.kind, w.positionId, w.section])).toEqual([
      ["contradicts", ids.labs, s.sections.length],
    ]);
    expect(conflicts).toEqual([]);
    // A second section that says the position: the approval page shows the two sentences' conflict.
    const saying = await t.db.submissionSection.create({
      data: {
        submissionId: s.id,
        position: s.sections.length + 1,
        kind: "FREE",
        heading: "Y",
        body: doc(P.labs),
      },
    });
    const again = await getMemoryWarnings(t.db, { id: letterId }, a.kaja!);
    expect(again.warnings).toEqual([]);
    expect(again.conflicts.map((c) => [c.kind, c.positionId, c.said.section, c.against.section])).toEqual([
      ["negates", ids.labs, s.sections.length + 1, s.sections.length],
    ]);
    await t.db.submissionSection.delete({ where: { id: saying.id } });
    await t.db.submissionSection.delete({ where: { id: section.id } });
  });

  it("links only what restates an active position, and another organisation reaches none of it", async () => {
    await expect(
      linkRestatement(
        t.db,
        { submissionId: letterId, positionId: ids.studies, wording: UNRELATED },
        a.ingrid!,
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "restatementNoMatch" });
    await expect(
      linkRestatement(t.db, { submissionId: letterId, positionId: ids.retired, wording: RETIRED }, a.ingrid!),
    ).rejects.toMatchObject({ message: "restatementNotActive" });
    await expect(
      recogniseLetterText(
        t.db,
        { submissionId: letterId, sections: [{ index: 0, body: doc(RESTATED) }] },
        other,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      linkRestatement(t.db, { submissionId: letterId, positionId: ids.studies, wording: RESTATED }, other),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await linkRestatement(t.db, { submissionId: letterId, positionId: ids.labs, wording: P.labs }, a.ingrid!);
    await unlinkRestatement(t.db, { submissionId: letterId, positionId: ids.labs }, a.ingrid!);
    expect(await t.db.positionRestatement.count()).toBe(0);
  });
});

describe("a linked restatement sent, and what came of it", () => {
  let hearingId: string;
  beforeAll(async () => {
    const { recognitions } = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 4, body: doc(RESTATED, UNRELATED) }] },
      a.ingrid!,
    );
    const found = recognitions.find((r) => r.positionId === ids.studies)!;
    await linkRestatement(
      t.db,
      { submissionId: letterId, positionId: ids.studies, wording: found.wording },
      a.ingrid!,
    );
    const again = await recogniseLetterText(
      t.db,
      { submissionId: letterId, sections: [{ index: 4, body: doc(RESTATED) }] },
      a.ingrid!,
    );
    expect(again.recognitions.find((r) => r.positionId === ids.studies)?.linked).toBe(true);
    ({ hearingId } = await sendDemoLetter(t.db, a, "2026-03-02"));
  }, 120_000);

  it("counts the linked restatement as a use of its position in Innsikt", async () => {
    const usages = await t.db.positionUsage.findMany({ where: { positionId: ids.studies } });
    expect(usages.map((u) => [u.submissionId, u.origin, u.recipient])).toEqual([
      [letterId, "composed", "Helse- og omsorgsdepartementet"],
    ]);
    expect(usages[0]!.wording).toContain("Studieplassene bør legges til universitetet i Nord-Norge.");
    const insight = await getInsight(t.db, { months: 120 }, a.ingrid!);
    expect(insight.positions.find((p) => p.id === ids.studies)).toMatchObject({ times: 1, letters: 1 });
    expect((await getInsight(t.db, { months: 120 }, other)).positions).toEqual([]);
  });

  it("records outcomes, shows them on the hearing and the position, and counts them in Innsikt", async () => {
    const before = await listHearingOutcomes(t.db, { hearingId }, a.ingrid!);
    expect(before).toHaveLength(1);
    expect(before[0]!.canRecord).toBe(true);
    const used = before[0]!.positions.map((p) => p.positionId);
    expect(used).toContain(ids.studies);
    const another = used.find((id) => id !== ids.studies)!;

    // Adopted needs its source; a position the letter did not use has no outcome here.
    await expect(
      recordOutcome(t.db, { submissionId: letterId, positionId: ids.studies, result: "ADOPTED" }, a.ingrid!),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { sourceTitle: ["outcomeNeedsSource"] } });
    await expect(
      recordOutcome(t.db, { submissionId: letterId, positionId: ids.labs, result: "UNKNOWN" }, a.ingrid!),
    ).rejects.toMatchObject({ message: "outcomeNotUsed" });
    await expect(
      recordOutcome(t.db, { submissionId: letterId, positionId: ids.studies, result: "UNKNOWN" }, a.kaja!),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const adopted = await recordOutcome(
      t.db,
      {
        submissionId: letterId,
        positionId: ids.studies,
        result: "ADOPTED",
        sourceTitle: "Prop. 1 S (2026–2027) Kunnskapsdepartementet",
        sourceUrl: "https://www.regjeringen.no/no/dokumenter/prop.-1-s-20262027/id1",
        sourceDate: "2026-10-07",
      },
      a.ingrid!,
    );
    await recordOutcome(
      t.db,
      {
        submissionId: letterId,
        positionId: another,
        result: "NOT_ADOPTED",
        sourceTitle: "Innst. 12 S (2026–2027)",
        sourceDate: "2026-11-20",
      },
      a.ingrid!,
    );
    // A stale version is refused; the current one changes it.
    await expect(
      recordOutcome(
        t.db,
        {
          submissionId: letterId,
          positionId: another,
          result: "PARTLY",
          sourceTitle: "Innst. 12 S",
          sourceDate: "2026-11-20",
          version: 7,
        },
        a.ingrid!,
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await recordOutcome(
      t.db,
      {
        submissionId: letterId,
        positionId: another,
        result: "PARTLY",
        sourceTitle: "Innst. 12 S (2026–2027)",
        sourceDate: "2026-11-20",
        version: 1,
      },
      a.ingrid!,
    );

    const shown = await listHearingOutcomes(t.db, { hearingId }, a.ingrid!);
    expect(shown[0]!.positions.find((p) => p.positionId === ids.studies)!.outcome).toMatchObject({
      id: adopted.id,
      result: "ADOPTED",
      sourceDate: "2026-10-07",
    });
    expect(await listPositionOutcomes(t.db, { id: ids.studies }, a.kaja!)).toMatchObject([
      { result: "ADOPTED", hearingId, sourceTitle: "Prop. 1 S (2026–2027) Kunnskapsdepartementet" },
    ]);

    const insight = await getOutcomeInsight(t.db, { from: "2026-01-01", to: "2026-12-31" }, a.kaja!);
    expect(insight.topics.find((x) => x.topic === "utdanning")).toMatchObject({ adopted: 1 });
    expect(new Set(insight.positions.map((p) => `${p.positionId} ${p.adopted} ${p.partly}`))).toEqual(
      new Set([`${ids.studies} 1 0`, `${another} 0 1`]),
    );
    expect(insight.issuingBodies).toHaveLength(1);
    expect(insight.issuingBodies[0]).toMatchObject({ adopted: 1, partly: 1, total: 2 });
    // Over time: the years' counts, and each position year by year.
    expect(insight.years).toEqual([
      { year: 2026, adopted: 1, partly: 1, notAdopted: 0, unknown: 0, total: 2 },
    ]);
    expect(insight.positions.find((p) => p.positionId === ids.studies)!.years).toEqual([
      { year: 2026, adopted: 1, partly: 0, notAdopted: 0, unknown: 0, total: 1 },
    ]);
    // Outside the period, nothing.
    expect(
      (await getOutcomeInsight(t.db, { from: "2027-01-01", to: "2027-12-31" }, a.kaja!)).positions,
    ).toEqual([]);

    const rows = await exportOutcomes(t.db, { from: "2026-01-01", to: "2026-12-31" }, a.ingrid!);
    expect(rows.map((r) => r.result).sort()).toEqual(["ADOPTED", "PARTLY"]);
    const csv = outcomesCsv(rows);
    expect(csv.split("\r\n")[0]).toBe(
      "date;result;positionId;statement;topics;hearing;issuingBody;letter;sentOn;recipient;sourceTitle;sourceUrl;sourceDate;note",
    );
    expect(csv).toContain('"Prop. 1 S (2026–2027) Kunnskapsdepartementet"');
  });

  it("renders «Politiske gjennomslag 2026» to PDF/A and DOCX with the adopted and partly adopted positions", async () => {
    const report = await getOutcomeReport(t.db, { year: 2026 }, a.kaja!);
    expect(report.positions.map((p) => p.results[0]!.result).sort()).toEqual(["ADOPTED", "PARTLY"]);
    expect(report.positions.find((p) => p.positionId === ids.studies)!.results[0]).toMatchObject({
      letter: expect.any(String),
      sentOn: "2026-03-02",
      sourceUrl: "https://www.regjeringen.no/no/dokumenter/prop.-1-s-20262027/id1",
    });
    const { pdf, docx } = await renderOutcomeReport(t.db, { year: 2026 }, a.kaja!);
    expect(pdf.toString("latin1")).toMatch(/pdfaid:part(>|=")2/);
    for (const text of [await pdfText(pdf), await docxText(docx)]) {
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain("Politiske gjennomslag 2026");
      expect(flat).toContain("Staten må finansiere flere studieplasser i bioingeniørfag.");
      expect(flat).toContain("Prop. 1 S (2026–2027)");
      // Not adopted or unknown outcomes, and unrelated positions, are not in it.
      expect(flat).not.toContain(P.labs);
    }
    expect((await getOutcomeReport(t.db, { year: 2025 }, a.kaja!)).positions).toEqual([]);
  }, 60_000);

  it("makes the report from Innsikt: asked for, rendered by the worker's renderers, downloaded, reused", async () => {
    const asked: { renderId: string; reportSha256: string }[] = [];
    const jobs: JobQueue = { ...inlineJobs, renderOutcomeReport: async (_tx, job) => void asked.push(job) };
    // A leader asks (the report is printed by the organisation's leaders too).
    const render = await requestOutcomeReport(t.db, { year: 2026 }, a.kaja!, jobs);
    expect(render).toMatchObject({ year: 2026, status: "QUEUED", positions: 2 });
    expect(asked).toEqual([{ renderId: render.id, reportSha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    await expect(getOutcomeReportFile(t.db, { id: render.id, kind: "pdf" }, a.kaja!)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await renderOutcomeReportFiles(t.db, asked[0]!);
    expect(await getOutcomeReportRender(t.db, { id: render.id }, a.kaja!)).toMatchObject({ status: "DONE" });
    const pdf = await getOutcomeReportFile(t.db, { id: render.id, kind: "pdf" }, a.kaja!);
    const docx = await getOutcomeReportFile(t.db, { id: render.id, kind: "docx" }, a.ingrid!);
    expect([pdf.filename, pdf.mediaType]).toEqual(["Politiske gjennomslag 2026.pdf", "application/pdf"]);
    expect(pdfaLevel(pdf.content)).toBe("2B");
    expect(docx.filename).toBe("Politiske gjennomslag 2026.docx");
    for (const text of [await pdfText(Buffer.from(pdf.content)), await docxText(Buffer.from(docx.content))]) {
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain("Politiske gjennomslag 2026");
      expect(flat).toContain("Staten må finansiere flere studieplasser i bioingeniørfag.");
      expect(flat).not.toContain(P.labs);
    }

    // The same content again: the same render, nothing queued.
    const again = await requestOutcomeReport(t.db, { year: 2026 }, a.ingrid!, jobs);
    expect([again.id, again.status, asked.length]).toEqual([render.id, "DONE", 1]);
    // A job naming other content than stored is refused.
    await expect(
      renderOutcomeReportFiles(t.db, { renderId: render.id, reportSha256: "0".repeat(64) }),
    ).rejects.toMatchObject({ message: "snapshotMismatch" });

    // Another organisation reaches none of it, and its own report is empty.
    await expect(getOutcomeReportFile(t.db, { id: render.id, kind: "pdf" }, other)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getOutcomeReportRender(t.db, { id: render.id }, other)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const theirs = await requestOutcomeReport(t.db, { year: 2026 }, other, jobs);
    expect([theirs.positions, theirs.id === render.id]).toEqual([0, false]);
    await expect(requestOutcomeReport(t.db, { year: 1999 }, a.kaja!, jobs)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  }, 60_000);

  it("shows another organisation none of it", async () => {
    expect(await listHearingOutcomes(t.db, { hearingId }, other)).toEqual([]);
    expect(await listPositionOutcomes(t.db, { id: ids.studies }, other)).toEqual([]);
    const insight = await getOutcomeInsight(t.db, {}, other);
    expect([insight.topics, insight.issuingBodies, insight.positions, insight.years]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(await exportOutcomes(t.db, {}, other)).toEqual([]);
    expect((await getOutcomeReport(t.db, { year: 2026 }, other)).positions).toEqual([]);
    await expect(
      recordOutcome(t.db, { submissionId: letterId, positionId: ids.studies, result: "UNKNOWN" }, other),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMemoryWarnings(t.db, { id: letterId }, other)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("suggestions", () => {
  it("ranks the positions of the hearing's topic first, each with its reasons, and leaves out what the letter has", async () => {
    const org = a.ingrid!.organisationId;
    const body = await t.db.issuingBody.findFirstOrThrow({ where: { organisationId: org } });
    const topic = await t.db.topic.upsert({
      where: { organisationId_name: { organisationId: org, name: "Kommune" } },
      create: { organisationId: org, name: "Kommune" },
      update: {},
    });
    const hearing = await t.db.hearing.create({
      data: {
        organisationId: org,
        title: "Høring – flere studieplasser og kommunale tjenester",
        issuingBodyId: body.id,
        kind: "HORING",
        deadline: new Date("2027-03-01"),
        topics: { create: { topicId: topic.id } },
      },
    });
    const letter = await t.db.submission.create({
      data: {
        organisationId: org,
        hearingId: hearing.id,
        title: "Høringssvar",
        place: "Oslo",
        date: new Date("2027-02-01"),
        letterheadOrganisation: "NITO",
      },
    });
    const { positions } = await suggestForLetter(t.db, { id: letter.id }, a.ingrid!);
    // The topic's position first (the retired one is not offered), then one that only shares the hearing's words.
    expect(positions[0]).toMatchObject({
      id: ids.replacement,
      reasons: [{ kind: "topic", topics: ["kommune"] }],
    });
    expect(positions.map((p) => p.id)).not.toContain(ids.retired);
    const studies = positions.find((p) => p.id === ids.studies)!;
    expect(studies.reasons).toEqual([{ kind: "text", words: ["studieplasser"] }]);
    expect(studies.score).toBeLessThan(positions[0]!.score);

    // Once the letter names it, it is no longer suggested.
    await t.db.positionRestatement.create({
      data: { organisationId: org, submissionId: letter.id, positionId: ids.replacement, wording: "…" },
    });
    const after = await suggestForLetter(t.db, { id: letter.id }, a.ingrid!);
    expect(after.positions.map((p) => p.id)).not.toContain(ids.replacement);
    await expect(suggestForLetter(t.db, { id: letter.id }, other)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
