/**
 * Proposes text blocks and positions from a policy platform pasted as text (like the PDF text of NITO's platforms):
 * a heading, context paragraphs, and "NITO mener:" lists of bullets. Every section with a heading and content becomes
 * a block, also one with context and no positions (a block that only explains, or a page cut short); a heading with
 * nothing under it, or only a lead-in to a link («Les mer i politikkheftet:»), does not. Pure: nothing is saved here.
 */

interface ProposedBlock {
  heading: string;
  /** In document order: context paragraphs and "NITO mener" lists (each bullet a proposed position). */
  parts: ({ kind: "paragraph"; text: string } | { kind: "positions"; statements: string[] })[];
}

export interface PlatformProposal {
  source: string;
  blocks: ProposedBlock[];
}

const BULLET = /^[•·▪◦‣∙●○\-–*]\s*/;
const NITO_MENER = /^NITO mener\s*:?\s*$/i;

/** Collapses the artefacts of PDF text: non-breaking and repeated spaces, stray spaces before punctuation. */
function cleanLine(line: string): string {
  return line
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\s+([.,;:!?])/g, "$1")
    .trim();
}

function looksLikeHeading(line: string): boolean {
  return (
    line.length <= 90 && !/[.:;,!?]$/.test(line) && /^[A-ZÆØÅ0-9]/.test(line) && line.split(" ").length <= 12
  );
}

export function parsePolicyPlatform(text: string, options: { source?: string } = {}): PlatformProposal {
  const lines = text.split(/\r?\n/).map(cleanLine);
  const sections: ProposedBlock[] = [];
  let current: ProposedBlock | null = null;
  let inList = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    if (NITO_MENER.test(line)) {
      if (!current) current = { heading: "", parts: [] };
      current.parts.push({ kind: "positions", statements: [] });
      inList = true;
      continue;
    }
    if (BULLET.test(line)) {
      const statement = line.replace(BULLET, "").trim();
      const last = current?.parts[current.parts.length - 1];
      if (current && last?.kind === "positions" && inList) last.statements.push(statement);
      else if (current) current.parts.push({ kind: "paragraph", text: `• ${statement}` });
      continue;
    }
    if (looksLikeHeading(line)) {
      if (current) sections.push(current);
      current = { heading: line, parts: [] };
      inList = false;
      continue;
    }
    // A context paragraph (or the lowercase continuation of a wrapped bullet).
    const last = current?.parts[current.parts.length - 1];
    if (inList && last?.kind === "positions" && last.statements.length && /^[a-zæøå]/.test(line)) {
      last.statements[last.statements.length - 1] += ` ${line}`;
      continue;
    }
    inList = false;
    if (!current) current = { heading: "", parts: [] };
    current.parts.push({ kind: "paragraph", text: line });
  }
  if (current) sections.push(current);

  const blocks = sections
    .map((s) => ({ ...s, parts: s.parts.filter((p) => p.kind === "paragraph" || p.statements.length > 0) }))
    // A section with a heading and something to say is a block, also one that only explains (no «NITO mener»);
    // not a closing section whose only text leads in to a link («Les mer i politikkheftet:»).
    .filter((s) => s.heading && s.parts.some((p) => p.kind === "positions" || !p.text.endsWith(":")));
  return { source: options.source?.trim() || "", blocks };
}

export function countProposedPositions(p: PlatformProposal): number {
  return p.blocks.reduce(
    (n, b) =>
      n + b.parts.reduce((m, part) => m + (part.kind === "positions" ? part.statements.length : 0), 0),
    0,
  );
}
