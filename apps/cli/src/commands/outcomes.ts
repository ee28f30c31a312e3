import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportOutcomes, outcomesCsv } from "@innspill/domain";
import { renderOutcomeReport } from "@innspill/domain/worker";
import { needs, type Command } from "../context";

/** The outcomes of the positions sent letters argued, for a period: CSV (`;`, for a spreadsheet) or JSON. */
export const outcomesExport: Command = {
  usage: "outcomes export [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD] --format csv|json [--out FIL]",
  options: ["from", "to", "format", "out"],
  async run({ db, actor, args, values, out }) {
    needs(args.length === 0, "outcomes export tar ingen id; oppgi perioden med --from og --to.");
    needs(values.format === "csv" || values.format === "json", "Oppgi --format csv eller --format json.");
    const rows = await exportOutcomes(db, { from: values.from ?? null, to: values.to ?? null }, actor);
    const content = values.format === "csv" ? outcomesCsv(rows) : `${JSON.stringify(rows, null, 2)}\n`;
    if (values.out) {
      mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
      writeFileSync(values.out, content);
    }
    out.emit(
      true,
      { result: { count: rows.length, out: values.out ?? null, ...(values.out ? {} : { outcomes: rows }) } },
      values.out ? `Skrev ${rows.length} utfall til ${values.out}.` : content.trimEnd(),
    );
    return 0;
  },
};

/** «Politiske gjennomslag <år>» as PDF/A and DOCX. */
export const outcomesReport: Command = {
  usage: "outcomes report --year ÅÅÅÅ --out MAPPE",
  options: ["year", "out"],
  async run({ db, actor, args, values, out }) {
    needs(args.length === 0 && !!values.year && !!values.out, "Oppgi --year ÅÅÅÅ og --out MAPPE.");
    const year = Number(values.year);
    const { report, pdf, docx } = await renderOutcomeReport(db, { year }, actor);
    mkdirSync(values.out, { recursive: true });
    const name = `politiske-gjennomslag-${report.year}`;
    const files = { pdf: path.join(values.out, `${name}.pdf`), docx: path.join(values.out, `${name}.docx`) };
    writeFileSync(files.pdf, pdf);
    writeFileSync(files.docx, docx);
    out.emit(
      true,
      { result: { year: report.year, positions: report.positions.length, ...files } },
      `Politiske gjennomslag ${report.year}: ${report.positions.length} standpunkter.\n${files.pdf}\n${files.docx}`,
    );
    return 0;
  },
};
