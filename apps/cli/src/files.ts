/** Reading the files a command is given. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { docxText } from "@innspill/domain";

/** A file as the domain's upload input: its name and base64 content. */
export const fileInput = (file: string) => ({
  name: path.basename(file),
  content: readFileSync(file).toString("base64"),
});

/** Text of a .txt or .docx file. */
export async function readText(file: string): Promise<string> {
  return file.toLowerCase().endsWith(".docx") ? docxText(readFileSync(file)) : readFileSync(file, "utf8");
}
