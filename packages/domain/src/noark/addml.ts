/**
 * `arkivuttrekk.xml`: the package description (ADDML 8.3), made by filling in Arkivverket's Noark 5 template
 * (`schemas/arkivuttrekk_v5_0.xml`) rather than writing our own, so its structure is the one Arkade expects. Every
 * placeholder of the template is replaced; an unknown one fails the export instead of shipping a template text.
 */
import { create } from "xmlbuilder2";
import { sha256 } from "../common/hash";
import { addmlTemplate } from "./schemas";
import { xmlText } from "./xml";

export interface AddmlInput {
  creator: string;
  system: string;
  archive: string;
  from: string;
  to: string;
  documentFiles: number;
  /** Whether any case in the package is screened (inneholderSkjermetInformasjon). */
  screened: boolean;
  counts: { mappe: number; registrering: number; endring: number; journalregistrering: number };
  /** Files whose checksum the description carries, by name. */
  files: Map<string, Buffer>;
}

export function arkivuttrekkXml(input: AddmlInput): Buffer {
  const fixed: Record<string, string> = {
    "Arkivskaper A": input.creator,
    "System X": input.system,
    // The template's example type; Innspill is a case-handling system for hearings that writes a Noark 5 extract.
    "Sakarkiv (Noark-5)": "Fagsystem for høringssaker (Noark 5-uttrekk)",
    "Arkiv XYZ": input.archive,
    "2014-01-01": input.from,
    "2019-01-01": input.to,
    // No earlier period in Innspill, and only closed cases are taken: a sharp boundary on both sides.
    "mykt/skarpt": "skarpt",
    // No screened information, no discarded documents, none to discard later, no business-specific metadata.
    "true/false": "false",
    "Oppgi antall dokumentfiler i arkivuttrekket her": String(input.documentFiles),
  };
  const fill = (placeholder: string): string | null => {
    if (placeholder in fixed) return fixed[placeholder]!;
    const sum = /^Oppgi sjekksumverdi heksadesimalt for (\S+) her$/.exec(placeholder);
    if (sum) {
      const bytes = input.files.get(sum[1]!);
      if (!bytes) throw new Error(`arkivuttrekk.xml: no file ${sum[1]} for its checksum`);
      return sha256(bytes);
    }
    const count = /^Oppgi antall forekomster av (\w+) i (\S+) her$/.exec(placeholder);
    if (count) {
      const n = input.counts[count[1] as keyof AddmlInput["counts"]];
      if (n === undefined) throw new Error(`arkivuttrekk.xml: no count for ${count[1]}`);
      return String(n);
    }
    if (placeholder.startsWith("Oppgi ")) throw new Error(`arkivuttrekk.xml: unfilled «${placeholder}»`);
    return null;
  };

  // The template's comments are instructions to whoever fills it in; the filled description leaves them out.
  const doc = create(addmlTemplate().replace(/<!--[\s\S]*?-->/g, ""));
  const values = (doc.node as unknown as Document).getElementsByTagName("value");
  for (let i = 0; i < values.length; i++) {
    const v = values.item(i)!;
    const property = (v.parentNode as Element | null)?.getAttribute?.("name");
    const text =
      property === "inneholderSkjermetInformasjon" ? String(input.screened) : fill(v.textContent ?? "");
    if (text !== null) v.textContent = xmlText(text);
  }
  return Buffer.from(`${doc.end({ prettyPrint: true })}\n`, "utf8");
}
