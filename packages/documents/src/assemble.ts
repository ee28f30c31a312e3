/**
 * assemble(snapshot) → DocumentModel: a pure, typed function. Facts are resolved by the caller for the letter's date
 * and passed in already formatted; positions by id. Footnotes are numbered across the whole letter.
 *
 * This package depends on no other package of ours: bodies arrive as the Tiptap JSON the domain has validated.
 */
import type { DocBlock, DocSection, DocumentModel, Run, TemplateVersion } from "./model";
import { isSafeLink } from "./links";

/** A block body: Tiptap JSON, validated by `blockBody` in the domain before it gets here. */
export interface BodyJson {
  type: "doc";
  content: unknown[];
}

/**
 * What a letter is made from. The letter's own fields are required (nullable where empty), so the snapshot built in
 * the domain names every one of them; `footer`, `logo` and `templateVersion` are absent when unset, so the snapshots
 * (and approvals) of letters from before them stay as they were.
 */
export interface SubmissionSnapshot {
  /** The letter template it is rendered with; absent (version 1) in letters created before template versions. */
  templateVersion?: TemplateVersion;
  letterhead: {
    organisation: string;
    unit: string | null;
    address: string | null;
    footer?: string | null;
    /** The logo's stored file by hash, and its kind and size. */
    logo?: { sha256: string; mediaType: "image/png" | "image/jpeg"; width: number; height: number } | null;
  };
  place: string;
  /** "YYYY-MM-DD" */
  date: string;
  /** The date as printed: "20. november 2025". */
  dateText: string;
  recipient: string | null;
  theirReference: string | null;
  ourReference: string | null;
  /**
   * Who to contact about the letter (the hearing's responsible adviser), printed from template version 3. Absent in
   * letters of earlier versions, so their snapshots stay as they were.
   */
  contact?: { name: string; email: string | null } | null;
  title: string;
  sections: { heading?: string | null; body: BodyJson }[];
  closing: string;
  signatories: { name: string; title?: string | null; note?: string | null }[];
  /** Formatted values by fact key, as valid on the letter's date. */
  facts: Record<string, string | null>;
  /** Position statements by id. */
  positions: Record<string, string>;
  /**
   * Who signs and in which order: the signatories (as in `signatories`) and the login linked to each. Not printed;
   * it is in the canonical JSON so that the hash an approval names covers it. Absent from letters frozen before it
   * was added.
   */
  signing?: {
    order: "SEQUENTIAL" | "PARALLEL";
    signatories: { signatoryId: string; userId: string | null }[];
  };
}

type InlineNode = {
  type: string;
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  attrs?: Record<string, unknown>;
};
type BlockNode = { type: string; content?: unknown[]; attrs?: Record<string, unknown> };

export function assemble(s: SubmissionSnapshot): DocumentModel {
  const footnotes: DocumentModel["footnotes"] = [];

  const runs = (nodes: InlineNode[] = []): Run[] =>
    nodes.flatMap((n): Run[] => {
      switch (n.type) {
        case "text": {
          const marks = n.marks ?? [];
          const link = marks.find((m) => m.type === "link");
          return [
            {
              kind: "text",
              text: n.text ?? "",
              ...(marks.some((m) => m.type === "bold") ? { bold: true } : {}),
              ...(marks.some((m) => m.type === "italic") ? { italic: true } : {}),
              // Only web and mail links reach the documents, whatever the body says.
              ...(link && isSafeLink(String(link.attrs?.href ?? ""))
                ? { href: String(link.attrs?.href) }
                : {}),
            },
          ];
        }
        case "hardBreak":
          return [{ kind: "break" }];
        case "fact": {
          const key = String(n.attrs?.key ?? "");
          const value = s.facts[key];
          return [{ kind: "text", text: value ?? `[mangler: ${key}]` }];
        }
        case "footnote": {
          const url = n.attrs?.url && isSafeLink(String(n.attrs.url)) ? String(n.attrs.url) : undefined;
          const text = String(n.attrs?.text ?? "");
          // The same source cited again keeps its number, as in the letters this replaces.
          const earlier = footnotes.find((f) => f.text === text && f.url === url);
          if (earlier) return [{ kind: "footnote", ...earlier, repeat: true }];
          const note = { number: footnotes.length + 1, text, ...(url ? { url } : {}) };
          footnotes.push(note);
          return [{ kind: "footnote", ...note }];
        }
        default:
          return [];
      }
    });

  const listItems = (items: BlockNode[] = []): Run[][] =>
    items.map((li) =>
      ((li.content ?? []) as BlockNode[]).flatMap((child, i) => [
        ...(i > 0 ? [{ kind: "break" } as Run] : []),
        ...(child.type === "paragraph" ? runs(child.content as InlineNode[]) : []),
      ]),
    );

  const blocks = (body: BodyJson): DocBlock[] =>
    (body.content as BlockNode[]).flatMap((node): DocBlock[] => {
      switch (node.type) {
        case "paragraph": {
          const r = runs(node.content as InlineNode[]);
          return r.length ? [{ kind: "paragraph", runs: r }] : [];
        }
        case "bulletList":
          return [{ kind: "bullets", items: listItems(node.content as BlockNode[]) }];
        case "positionList": {
          const ids = (node.attrs?.positionIds as string[]) ?? [];
          return [
            {
              kind: "positions",
              intro: "NITO mener:",
              items: ids.map((id) => [
                { kind: "text", text: s.positions[id] ?? `[mangler standpunkt ${id}]` },
              ]),
            },
          ];
        }
        default:
          return [];
      }
    });

  const sections: DocSection[] = s.sections.map((sec) => ({
    heading: sec.heading?.trim() || null,
    blocks: blocks(sec.body),
  }));
  const templateVersion = s.templateVersion ?? 1;
  const references = [
    ...(s.theirReference ? [{ label: "Deres ref.", value: s.theirReference }] : []),
    ...(s.ourReference ? [{ label: "Vår ref.", value: s.ourReference }] : []),
  ];
  return {
    templateVersion,
    letterhead: {
      organisation: s.letterhead.organisation,
      unit: s.letterhead.unit ?? null,
      address: s.letterhead.address ?? null,
      footer: s.letterhead.footer ?? null,
      logo: s.letterhead.logo
        ? {
            mediaType: s.letterhead.logo.mediaType,
            width: s.letterhead.logo.width,
            height: s.letterhead.logo.height,
          }
        : null,
    },
    placeAndDate: `${s.place}, ${s.dateText}`,
    date: s.date,
    recipient: s.recipient ?? null,
    references,
    contact:
      templateVersion >= 3 && s.contact ? { name: s.contact.name, email: s.contact.email ?? null } : null,
    title: s.title,
    sections,
    closing: s.closing ?? "Med vennlig hilsen",
    signatories: s.signatories.map((x) => ({ name: x.name, title: x.title ?? null, note: x.note ?? null })),
    footnotes,
  };
}
