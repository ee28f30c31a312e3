import path from "node:path";
import { commitPlatformImport, proposePlatformImport } from "@innspill/domain";
import { needs, type Command } from "../context";
import { readText } from "../files";

export const importPlatform: Command = {
  usage: "import platform <fil.txt|docx> [--source NAVN] [--dry-run]",
  options: ["source", "dry-run"],
  async run({ db, actor, args, values, out }) {
    needs(args.length === 1, "Oppgi én fil.");
    const source = values.source ?? path.basename(args[0]!);
    const proposal = proposePlatformImport({ text: await readText(args[0]!), source }, actor);
    const blocks = proposal.blocks.map((b) => ({
      heading: b.heading,
      positions: b.parts.flatMap((p) => (p.kind === "positions" ? p.statements : [])),
    }));
    const positions = blocks.reduce((n, b) => n + b.positions.length, 0);
    if (values["dry-run"]) {
      out.emit(
        true,
        { result: { dryRun: true, blocks } },
        [
          `Forslag (ingenting er lagret): ${blocks.length} tekstblokker, ${positions} standpunkter`,
          ...blocks.map((b) => `  ${b.heading} (${b.positions.length})`),
        ].join("\n"),
      );
      return 0;
    }
    await commitPlatformImport(db, { source, blocks: proposal.blocks }, actor);
    out.emit(
      true,
      { result: { dryRun: false, blocks: blocks.length, positions } },
      `Lagret ${blocks.length} tekstblokker og ${positions} standpunkter.`,
    );
    return 0;
  },
};
