import { backupDatabase } from "@innspill/db/backup";
import { needs, type Command } from "../context";

/** A consistent backup of every table while the app runs (one snapshot); see @innspill/db/backup. */
export const backup: Command = {
  usage: "backup --out FIL.gz [--allow-empty]   (--allow-empty: også en database uten organisasjon)",
  options: ["out", "allow-empty"],
  // A backup reads the database as it is: it applies no migrations (a backup before an upgrade is of the old one).
  migrates: false,
  async prepare({ values }) {
    needs(!!values.out, "Oppgi filen sikkerhetskopien skal skrives til: --out FIL.gz");
  },
  async withoutActor({ url, values, out }) {
    const file = values.out!;
    const summary = await backupDatabase(url, file, { allowEmpty: !!values["allow-empty"] });
    const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
    out.emit(
      true,
      { result: { file, ...summary } },
      `✓ Sikkerhetskopi skrevet til ${file}: ${summary.tables.length} tabeller, ${rows} rader, ` +
        `${summary.migrations.length} migreringer (${summary.createdAt}).`,
    );
    return true;
  },
  run: async () => 0,
};
