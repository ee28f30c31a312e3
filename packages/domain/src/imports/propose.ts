/** Reading a past letter (pasted, or a DOCX or PDF read by extract.ts) and proposing its parts. */
import { z } from "zod";
import { type Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { AppError } from "../common/errors";
import { parseInput } from "../common/validation";
import { parseLetter } from "./letter";
import { detectReuse } from "./reuse";
import { docxText, pdfText } from "./extract";
import { findDuplicateLetters } from "./duplicates";

const importFile = z.object({
  name: z.string().max(300),
  /** base64 */
  content: z.string().max(30_000_000, { error: "fileTooLarge" }),
});

export const proposeLetterInput = z
  .object({
    text: z.string().max(500_000, { error: "textTooLong" }).optional(),
    file: importFile.optional(),
  })
  .refine((x) => (x.text?.trim() ?? "") !== "" || !!x.file, { error: "importNeedsText", path: ["text"] });

/** The letter's text from what the user gave: pasted text, a DOCX or a PDF. */
async function letterText(input: z.output<typeof proposeLetterInput>): Promise<string> {
  if (!input.file) return input.text ?? "";
  const bytes = Buffer.from(input.file.content, "base64");
  const name = input.file.name.toLowerCase();
  // DOCX and PDF are read off the request's thread, within limits (extract.ts); their refusals say why.
  if (name.endsWith(".docx")) return docxText(bytes);
  if (name.endsWith(".pdf")) return pdfText(bytes);
  if (name.endsWith(".txt")) return bytes.toString("utf8");
  throw new AppError("BAD_REQUEST", "importFileType", { fieldErrors: { file: ["importFileType"] } });
}

/**
 * Reads a letter and proposes its parts and their library matches, and names the letters Innspill already holds with
 * the same text. Saves nothing.
 */
export async function proposeLetterImport(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const data = parseInput(proposeLetterInput, input);
  const proposal = parseLetter(await letterText(data));
  if (!proposal.title && !proposal.sections.length)
    throw new AppError("BAD_REQUEST", "importEmpty", { fieldErrors: { text: ["importEmpty"] } });
  return {
    proposal,
    ...(await detectReuse(db, proposal, actor.organisationId)),
    /** Letters Innspill already holds with the same or nearly the same text (duplicates.ts). */
    duplicates: await findDuplicateLetters(db, actor.organisationId, proposal),
  };
}
