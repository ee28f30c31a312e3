/** Reading a past letter (pasted, DOCX through mammoth, PDF text layer through unpdf) and proposing its parts. */
import { z } from "zod";
import { type Db } from "@innspill/db";
import type { Actor } from "../actor";
import { requireRole } from "../actor";
import { AppError } from "../errors";
import { LIBRARY_EDITORS } from "../access";
import { parseInput } from "../validation";
import { parseLetter } from "./letter";
import { detectReuse } from "./reuse";

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

/**
 * A DOCX as letter text: paragraphs apart, line breaks kept (a signatory's name and title), bullets marked. Through
 * mammoth's HTML, since its raw text drops both line breaks and bullets.
 */
export async function docxText(bytes: Buffer): Promise<string> {
  const mammoth = await import("mammoth");
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  return value
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/<li>/g, "• ")
    .replace(/<\/(p|h\d|li)>/g, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The letter's text from what the user gave: pasted text, a DOCX or a PDF. */
async function letterText(input: z.output<typeof proposeLetterInput>): Promise<string> {
  if (!input.file) return input.text ?? "";
  const bytes = Buffer.from(input.file.content, "base64");
  const name = input.file.name.toLowerCase();
  try {
    if (name.endsWith(".docx")) return await docxText(bytes);
    if (name.endsWith(".pdf")) {
      const { extractText, getDocumentProxy } = await import("unpdf");
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: false });
      return text.join("\n\n");
    }
    if (name.endsWith(".txt")) return bytes.toString("utf8");
  } catch {
    throw new AppError("BAD_REQUEST", "importUnreadable", { fieldErrors: { file: ["importUnreadable"] } });
  }
  throw new AppError("BAD_REQUEST", "importFileType", { fieldErrors: { file: ["importFileType"] } });
}

/** Reads a letter and proposes its parts and their library matches. Saves nothing. */
export async function proposeLetterImport(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, LIBRARY_EDITORS);
  const data = parseInput(proposeLetterInput, input);
  const proposal = parseLetter(await letterText(data));
  if (!proposal.title && !proposal.sections.length)
    throw new AppError("BAD_REQUEST", "importEmpty", { fieldErrors: { text: ["importEmpty"] } });
  return { proposal, ...(await detectReuse(db, proposal, actor.organisationId)) };
}
