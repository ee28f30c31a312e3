import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getRenderFile, requestRender, inlineJobs } from "@innspill/domain";
import { renderSubmissionFiles } from "@innspill/domain/worker";
import { needs, type Command } from "../context";

export const render: Command = {
  usage: "render <innspill-id> --out MAPPE",
  options: ["out"],
  async run({ db, actor, args, values, out }) {
    needs(args.length === 1 && !!values.out, "Oppgi innspill-id og --out MAPPE.");
    const id = args[0]!;
    const { render, enqueue } = await requestRender(db, { id }, actor, inlineJobs);
    if (enqueue) await renderSubmissionFiles(db, render);
    mkdirSync(values.out, { recursive: true });
    const files: Record<string, { path: string; sha256: string; size: number }> = {};
    for (const kind of ["pdf", "docx"] as const) {
      const file = await getRenderFile(db, { id: render.id, kind }, actor);
      const target = path.join(values.out, file.filename);
      writeFileSync(target, file.content);
      files[kind] = { path: target, sha256: file.sha256, size: file.size };
    }
    out.emit(
      true,
      { result: { submissionId: id, snapshotSha256: render.snapshotSha256, ...files } },
      `${files.pdf!.path}\n  SHA-256 ${files.pdf!.sha256}\n${files.docx!.path}\n  SHA-256 ${files.docx!.sha256}`,
    );
    return 0;
  },
};
