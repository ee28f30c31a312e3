/**
 * «Politiske gjennomslag <år>»: the positions adopted or partly adopted in a year (by the date of the source that
 * shows it), each with the letters that argued it and the source. Built as a document model, so it goes through the
 * same renderers as a letter (PDF/A and DOCX in `@innspill/domain/worker`, HTML in the browser's preview).
 */
import { z } from "zod";
import type { Db } from "@innspill/db";
import {
  LATEST_TEMPLATE_VERSION,
  type DocBlock,
  type DocumentModel,
  type Run,
} from "@innspill/documents/preview";
import type { Actor } from "../access/actor";
import { dateOnlyToDb, dbToDateOnly, formatDate, osloDate } from "../dates/dates";
import { parseInput } from "../common/validation";

export const outcomeReportInput = z.object({
  year: z
    .int({ error: "outcomeYear" })
    .min(2000, { error: "outcomeYear" })
    .max(2100, { error: "outcomeYear" }),
});

export interface OutcomeReport {
  year: number;
  organisation: string;
  /** The report's date: the year's last day, or today while the year lasts. */
  date: string;
  positions: {
    positionId: string;
    statement: string;
    topics: string[];
    results: {
      result: "ADOPTED" | "PARTLY";
      sourceTitle: string | null;
      sourceUrl: string | null;
      sourceDate: string | null;
      note: string | null;
      letter: string;
      hearing: string;
      issuingBody: string;
      sentOn: string | null;
    }[];
  }[];
}

export async function getOutcomeReport(db: Db, input: unknown, actor: Actor): Promise<OutcomeReport> {
  const { year } = parseInput(outcomeReportInput, input);
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: { name: true },
  });
  const rows = await db.positionOutcome.findMany({
    where: {
      organisationId: actor.organisationId,
      result: { in: ["ADOPTED", "PARTLY"] },
      sourceDate: { gte: dateOnlyToDb(`${year}-01-01`), lte: dateOnlyToDb(`${year}-12-31`) },
    },
    include: {
      position: { select: { id: true, statement: true, topics: true } },
      submission: {
        select: {
          title: true,
          sending: { select: { sentOn: true } },
          hearing: { select: { title: true, issuingBody: { select: { name: true } } } },
        },
      },
    },
    orderBy: [{ sourceDate: "asc" }, { createdAt: "asc" }],
  });
  const byPosition = new Map<string, OutcomeReport["positions"][number]>();
  for (const o of rows) {
    let p = byPosition.get(o.positionId);
    if (!p)
      byPosition.set(
        o.positionId,
        (p = {
          positionId: o.position.id,
          statement: o.position.statement,
          topics: o.position.topics,
          results: [],
        }),
      );
    p.results.push({
      result: o.result as "ADOPTED" | "PARTLY",
      sourceTitle: o.sourceTitle,
      sourceUrl: o.sourceUrl,
      sourceDate: o.sourceDate ? dbToDateOnly(o.sourceDate) : null,
      note: o.note,
      letter: o.submission.title,
      hearing: o.submission.hearing.title,
      issuingBody: o.submission.hearing.issuingBody.name,
      sentOn: o.submission.sending ? dbToDateOnly(o.submission.sending.sentOn) : null,
    });
  }
  const today = osloDate(new Date());
  const end = `${year}-12-31`;
  return {
    year,
    organisation: org.name,
    date: today < end ? (today < `${year}-01-01` ? `${year}-01-01` : today) : end,
    positions: [...byPosition.values()].sort(
      (a, b) =>
        (a.topics[0] ?? "~").localeCompare(b.topics[0] ?? "~", "nb") ||
        a.statement.localeCompare(b.statement, "nb"),
    ),
  };
}

const text = (t: string, extra: Partial<Extract<Run, { kind: "text" }>> = {}): Run => ({
  kind: "text",
  text: t,
  ...extra,
});

/** The report as a document model: one section per topic, each position with its letters and sources. */
export function outcomeReportModel(r: OutcomeReport): DocumentModel {
  const topics = new Map<string, OutcomeReport["positions"]>();
  for (const p of r.positions) {
    const t = p.topics[0] ?? "Uten tema";
    topics.set(t, [...(topics.get(t) ?? []), p]);
  }
  const adopted = r.positions.filter((p) => p.results.some((x) => x.result === "ADOPTED")).length;
  const intro: DocBlock = {
    kind: "paragraph",
    runs: [
      text(
        r.positions.length
          ? `I ${r.year} fikk ${r.organisation} gjennomslag for ${r.positions.length} ${r.positions.length === 1 ? "standpunkt" : "standpunkter"}` +
              ` (${adopted} helt, ${r.positions.length - adopted} delvis). Under står hvert standpunkt med brevene som argumenterte for det og kilden som viser gjennomslaget.`
          : `${r.organisation} har ikke registrert gjennomslag for noen standpunkter i ${r.year}.`,
      ),
    ],
  };
  const sections = [...topics.entries()].map(([topic, positions]) => ({
    heading: topic,
    blocks: positions.flatMap((p): DocBlock[] => [
      { kind: "paragraph", runs: [text(p.statement, { bold: true })] },
      {
        kind: "bullets",
        items: p.results.map((x) => [
          text(`${x.result === "ADOPTED" ? "Gjennomslag" : "Delvis gjennomslag"}: `, { italic: true }),
          text(x.sourceTitle ?? "Kilde ikke oppgitt", x.sourceUrl ? { href: x.sourceUrl } : {}),
          ...(x.sourceDate ? [text(` (${formatDate(x.sourceDate)})`)] : []),
          { kind: "break" } as Run,
          text(
            `Argumentert for i «${x.letter}» til ${x.issuingBody}` +
              (x.sentOn ? `, sendt ${formatDate(x.sentOn)}` : "") +
              (x.note ? `. ${x.note}` : ""),
          ),
        ]),
      },
    ]),
  }));
  return {
    templateVersion: LATEST_TEMPLATE_VERSION,
    letterhead: { organisation: r.organisation, unit: null, address: null, footer: null, logo: null },
    placeAndDate: formatDate(r.date),
    date: r.date,
    recipient: null,
    references: [],
    contact: null,
    title: `Politiske gjennomslag ${r.year}`,
    sections: [{ heading: null, blocks: [intro] }, ...sections],
    closing: "",
    signatories: [],
    footnotes: [],
  };
}
