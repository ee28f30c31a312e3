import path from "node:path";
import { commitLetterImport, proposeLetterImport } from "@innspill/domain";
import { UsageError, describeError, needs, type Command } from "../context";
import { fileInput } from "../files";

export const importLetter: Command = {
  usage:
    "import letter <fil.txt|docx|pdf>… [--hearing ID | --issuing-body NAVN] [--date ÅÅÅÅ-MM-DD] [--dry-run]",
  options: ["hearing", "issuing-body", "date", "dry-run"],
  async run({ db, actor, args, values, out }) {
    needs(args.length >= 1, "Oppgi minst én fil.");
    needs(
      !!values["dry-run"] || !!values.hearing || !!values["issuing-body"],
      "Uten --dry-run trengs --hearing ID eller --issuing-body NAVN.",
    );
    const body = values["issuing-body"]
      ? await db.issuingBody.findFirst({
          where: { organisationId: actor.organisationId, name: values["issuing-body"] },
        })
      : null;
    if (values["issuing-body"] && !body) throw new UsageError(`Ukjent avsender: ${values["issuing-body"]}`);
    const files: Record<string, unknown>[] = [];
    let failed = 0;
    for (const [n, file] of args.entries()) {
      out.progress(n, args.length, path.basename(file));
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      try {
        const { proposal, units, positions, newStatements } = await proposeLetterImport(
          db,
          { file: fileInput(file) },
          actor,
        );
        const parts = {
          title: proposal.title,
          place: proposal.place,
          date: proposal.date,
          sections: proposal.sections.map((s) => s.heading),
          footnotes: proposal.footnotes.length,
          statements: proposal.statements.length,
          newStatements: newStatements.length,
          signatories: proposal.signatories,
        };
        const links = [
          ...units.flatMap((u) =>
            u.match
              ? [
                  {
                    kind: "block",
                    of: u.heading,
                    id: u.match.blockId,
                    versionId: u.match.versionId,
                    title: u.match.title,
                    score: u.match.score,
                    label: u.match.label,
                  },
                ]
              : [],
          ),
          ...positions.map((p) => ({
            kind: "position",
            of: p.wording,
            where: p.where,
            id: p.positionId,
            title: p.statement,
            score: p.score,
            label: p.label,
          })),
        ];
        if (values["dry-run"]) {
          files.push({ file, ok: true, parts, links, ms: ms() });
          continue;
        }
        const date = values.date ?? proposal.date;
        if (!date) throw new Error("Brevet har ingen dato. Oppgi --date ÅÅÅÅ-MM-DD.");
        const saved = await commitLetterImport(
          db,
          {
            proposal: { ...proposal, date },
            ...(values.hearing
              ? { hearingId: values.hearing }
              : { newHearing: { title: proposal.title, issuingBodyId: body!.id } }),
            sourceName: path.basename(file),
            positionLinks: positions.map((p) => ({ positionId: p.positionId, wording: p.wording })),
            blockLinks: units.flatMap((u) =>
              u.match ? [{ blockVersionId: u.match.versionId, wording: u.wording }] : [],
            ),
            newPositions: [],
          },
          actor,
        );
        files.push({ file, ok: true, parts, links, saved, ms: ms() });
      } catch (err) {
        failed++;
        files.push({ file, ok: false, error: describeError(err), ms: ms() });
      }
    }
    out.progress(args.length, args.length, "ferdig");
    const human = files
      .map((f) => {
        if (!f.ok) return `✗ ${f.file}: ${(f.error as { message: string }).message}`;
        const p = f.parts as {
          title: string;
          date: string | null;
          sections: (string | null)[];
          footnotes: number;
          signatories: { name: string; title: string | null }[];
        };
        const links = f.links as { kind: string; title: string; score: number; label: string }[];
        return [
          `✓ ${f.file}: «${p.title}» ${p.date ?? "(uten dato)"}, ${p.sections.length} deler, ${p.footnotes} fotnoter (${((f.ms as number) / 1000).toFixed(1).replace(".", ",")} s)`,
          `  underskrivere: ${p.signatories.map((s) => `${s.name}${s.title ? ` (${s.title})` : ""}`).join(", ") || "—"}`,
          ...links.map(
            (l) =>
              `  ${l.kind === "block" ? "blokk" : "standpunkt"} ${l.label} ${Math.round(l.score * 100)} %: ${l.title.slice(0, 70)}`,
          ),
          values["dry-run"] ? "  (tørrkjøring: ingenting er lagret)" : "  lagret",
        ].join("\n");
      })
      .join("\n");
    const result = { dryRun: !!values["dry-run"], files, imported: files.length - failed, failed };
    if (failed) {
      out.emit(
        false,
        { error: { code: "SOME_FAILED", message: `${failed} av ${files.length} filer feilet` }, result },
        human,
      );
      return 1;
    }
    out.emit(true, { result }, human);
    return 0;
  },
};
