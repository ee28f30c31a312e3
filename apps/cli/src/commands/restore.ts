import { existsSync } from "node:fs";
import { checkBackup, restoreDatabase } from "@innspill/db/backup";
import { knownMigrations } from "@innspill/db/migrate";
import { needs, type Command } from "../context";

/**
 * Restores a backup into an empty, migrated database (the migrations run when the command connects): an empty
 * installation, or a new one it makes in a data directory that has none. The whole file is checked first (complete,
 * from Innspill, not from a newer version), before any database is opened or made. Refuses a database with rows in
 * it, and runs in one transaction: a failed restore leaves nothing behind, and a new installation made for it is
 * removed again.
 */
export const restore: Command = {
  usage: "restore FIL.gz --yes   (i en tom installasjon, eller en ny i en datamappe uten installasjon)",
  options: ["yes"],
  creates: () => true,
  async prepare({ args, values }) {
    needs(args.length === 1, "Oppgi sikkerhetskopien som skal gjenopprettes.");
    const file = args[0]!;
    needs(existsSync(file), `Fant ikke filen ${file}.`);
    // A refusal (not a backup, truncated, from a newer version) is an error with its reason: exit 1.
    await checkBackup(file, { knownMigrations: knownMigrations() });
    needs(!!values.yes, `Gjenoppretting skriver alle data fra ${file} inn i databasen. Bekreft med --yes.`);
  },
  async withoutActor({ url, args, out }) {
    const file = args[0]!;
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
