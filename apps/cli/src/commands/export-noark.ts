import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_FOLDER, exportNoark, exportNoarkPeriod, type NoarkPackage } from "@innspill/domain";
import { needs, type Command } from "../context";

/** A Noark 5 extract of one closed case, or of every case closed in a period (what the records office deposits). */
export const exportNoarkCommand: Command = {
  usage:
    "export noark (<høring-id> | --year ÅÅÅÅ | --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD [--interim]) --out MAPPE",
  options: ["out", "year", "from", "to", "interim"],
  async run({ db, actor, args, values, out }) {
    const period = values.year
      ? { from: `${values.year}-01-01`, to: `${values.year}-12-31`, interim: !!values.interim }
      : values.from || values.to
        ? { from: values.from, to: values.to, interim: !!values.interim }
        : null;
    needs(!!values.out, "Oppgi --out MAPPE.");
    needs(
      (args.length === 1) !== !!period,
      "Oppgi enten én høring-id, eller en periode med --year ÅÅÅÅ eller --from og --to.",
    );
    const pkg: NoarkPackage = period
      ? await exportNoarkPeriod(db, period, actor)
      : await exportNoark(db, { id: args[0] }, actor);
    // The package's folder (Noark 5, krav 6.4.15) under --out; one document in memory at a time.
    const root = path.join(values.out, PACKAGE_FOLDER);
    for (const f of pkg.files) {
      const target = path.join(root, f.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, await f.load());
    }
    out.emit(
      true,
      {
        result: {
          out: root,
          kind: pkg.kind,
          cases: pkg.cases,
          registrations: pkg.registrations,
          documentFiles: pkg.documentFiles,
          notArchived: pkg.notArchived,
          files: pkg.files.map((f) => ({ path: f.path, size: f.size })),
        },
      },
      [
        `Skrev ${pkg.kind === "period" ? "Noark 5-avleveringen" : pkg.kind === "interim" ? "det foreløpige Noark 5-uttrekket (perioden er ikke avsluttet)" : "Noark 5-utdraget av saken"} til ${root}: ${pkg.cases} saker, ${pkg.registrations} journalposter, ` +
          `${pkg.documentFiles} dokumentfiler (arkivuttrekk.xml, arkivstruktur.xml, journaler, endringslogg og skjemaer).`,
        ...pkg.notArchived.map((n) => `  ! ${n.hearing}: ${n.reason}`),
      ].join("\n"),
    );
    return 0;
  },
};
