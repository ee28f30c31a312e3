import { existsSync } from "node:fs";
import { restoreDatabase } from "@innspill/db/backup";
import { needs, type Command } from "../context";

/**
 * Restores a backup into an empty, migrated database (the migrations run when the command connects). Refuses a
 * database with rows in it, and runs in one transaction: a failed restore leaves nothing behind.
 */
export const restore: Command = {
  usage: "restore FIL.gz --yes",
  async withoutActor({ url, args, values, out }) {
    needs(args.length === 1, "Oppgi sikkerhetskopien som skal gjenopprettes.");
    const file = args[0]!;
    needs(existsSync(file), `Fant ikke filen ${file}.`);
    needs(!!values.yes, `Gjenoppretting skriver alle data fra ${file} inn i databasen. Bekreft med --yes.`);
    // A refusal (not empty, not a backup, from a newer version) is an error with its reason: exit 1.
    const summary = await restoreDatabase(url, file);
    const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
    out.emit(
      true,
      { result: { file, ...summary } },
      `✓ Gjenopprettet ${summary.tables.length} tabeller, ${rows} rader, fra sikkerhetskopien tatt ${summary.createdAt}.`,
    );
    return true;
  },
  run: async () => 0,
};
