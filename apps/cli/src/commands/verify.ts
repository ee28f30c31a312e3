import { readFileSync } from "node:fs";
import { verifyDocument } from "@innspill/domain";
import { needs, type Command } from "../context";

/** The same check as /verifiser: signed and final (exit 0), a draft from Innspill, or unknown (exit 1). */
export const verify: Command = {
  usage: "verify <fil.pdf>",
  options: [],
  async run({ db, args, out }) {
    needs(args.length === 1, "Oppgi en PDF-fil.");
    const result = await verifyDocument(db, readFileSync(args[0]!));
    if (result.status === "draft") {
      out.emit(
        false,
        { error: { code: "DRAFT", message: "Utkast fra Innspill — ikke godkjent eller signert." }, result },
        `! Utkast fra Innspill — ikke godkjent eller signert. Dette er ikke brevet slik det ble sendt (SHA-256 ${result.sha256}).`,
      );
      return 1;
    }
    if (!result.valid) {
      out.emit(
        false,
        {
          error: {
            code: "NOT_GENUINE",
            message: "Ukjent fil: ikke et Innspill-dokument, eller endret etterpå.",
          },
          result,
        },
        `✗ Ukjent fil: ikke et dokument fra Innspill, eller endret etter at det ble laget (SHA-256 ${result.sha256}).`,
      );
      return 1;
    }
    out.emit(
      true,
      { result },
      [
        `✓ Signert og endelig Innspill-dokument: «${result.title}» (${result.hearing})`,
        `  ${result.organisation}, versjon ${result.revision}, innhold ${result.snapshotSha256}`,
        ...result.signatures.map(
          (s) =>
            `  signert av ${s.name} ${new Date(s.at).toISOString()}${
              s.passkeyCredentialId ? ` med passnøkkel ${s.passkeyCredentialId}` : ""
            }`,
        ),
      ].join("\n"),
    );
    return 0;
  },
};
