import { readFileSync } from "node:fs";
import { verifyDocument } from "@innspill/domain";
import { needs, type Command } from "../context";

export const verify: Command = {
  usage: "verify <fil.pdf>",
  async run({ db, args, out }) {
    needs(args.length === 1, "Oppgi en PDF-fil.");
    const result = await verifyDocument(db, readFileSync(args[0]!));
    if (!result.valid) {
      out.emit(
        false,
        {
          error: { code: "NOT_GENUINE", message: "Ikke et Innspill-dokument, eller endret etterpå." },
          result,
        },
        `✗ Ikke et Innspill-dokument, eller endret etter at det ble laget (SHA-256 ${result.sha256} er ukjent).`,
      );
      return 1;
    }
    out.emit(
      true,
      { result },
      [
        `✓ ${result.signed ? "Signert" : "Usignert"} Innspill-dokument: «${result.title}» (${result.hearing})`,
        `  innspill ${result.submissionId}, innhold ${result.snapshotSha256}`,
        ...result.signatures.map((s) => `  signert av ${s.name} ${new Date(s.at).toISOString()}`),
      ].join("\n"),
    );
    return 0;
  },
};
