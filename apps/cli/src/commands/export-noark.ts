import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportNoark, exportNoarkPeriod, type NoarkPackage } from "@innspill/domain";
import { needs, type Command } from "../context";

/** A Noark 5 extract of one closed case, or of every case closed in a period (what the records office deposits). */
export const exportNoarkCommand: Command = {
  usage: "export noark (<høring-id> | --year ÅÅÅÅ | --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD) --out MAPPE",
  options: ["out", "year", "from", "to"],
  async run({ db, actor, args, values, out }) {
    const period = values.year
      ? { from: `${values.year}-01-01`, to: `${values.year}-12-31` }
      : values.from || values.to
        ? { from: values.from, to: values.to }
        : null;
    needs(!!values.out, "Oppgi --out MAPPE.");
    needs(
      (args.length === 1) !== !!period,
      "Oppgi enten én høring-id, eller en periode med --year ÅÅÅÅ eller --from og --to.",
    );
    const pkg: NoarkPackage = period
      ? await exportNoarkPeriod(db, period, actor)
      : await exportNoark(db, { id: args[0] }, actor);
    for (const f of pkg.files) {
      const target = path.join(values.out, f.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.bytes);
    }
    out.emit(
      true,
      {
        result: {
          out: values.out,
          cases: pkg.cases,
          registrations: pkg.registrations,
          documentFiles: pkg.documentFiles,
          notArchived: pkg.notArchived,
          files: pkg.files.map((f) => ({ path: f.path, size: f.bytes.byteLength })),
        },
      },
      [
        `Skrev Noark 5-uttrekket til ${values.out}: ${pkg.cases} saker, ${pkg.registrations} journalposter, ` +
          `${pkg.documentFiles} dokumentfiler (arkivuttrekk.xml, arkivstruktur.xml, journaler, endringslogg og skjemaer).`,
        ...pkg.notArchived.map((n) => `  ! ${n.hearing}: ${n.reason}`),
      ].join("\n"),
    );
    return 0;
  },
};
