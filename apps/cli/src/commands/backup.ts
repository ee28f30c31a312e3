import { backupDatabase } from "@innspill/db/backup";
import { needs, type Command } from "../context";

/** A consistent backup of every table while the app runs (one snapshot); see @innspill/db/backup. */
export const backup: Command = {
  usage: "backup --out FIL.gz",
  async withoutActor({ url, values, out }) {
    needs(!!values.out, "Oppgi filen sikkerhetskopien skal skrives til: --out FIL.gz");
    const summary = await backupDatabase(url, values.out);
    const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
    out.emit(
      true,
      { result: { file: values.out, ...summary } },
      `✓ Sikkerhetskopi skrevet til ${values.out}: ${summary.tables.length} tabeller, ${rows} rader, ` +
        `${summary.migrations.length} migreringer (${summary.createdAt}).`,
    );
    return true;
  },
  run: async () => 0,
};
