/**
 * Replaces a sentence the recognition found (its words, in the paragraph or bullet it named) with other words: the
 * replacement of a retired position, or the wording of the position a sentence contradicts. Null when the words are
 * not in one run of plain text there (spread over bold and plain, or around a footnote): then there is no one-click fix.
 */
import type { BlockBody } from "@innspill/domain/shared";

type Node = { type: string; text?: string; content?: Node[]; [k: string]: unknown };

const squash = (s: string) => s.replace(/\s+/g, " ");

function inParagraph(p: Node, wording: string, by: string): Node | null {
  const runs = p.content ?? [];
  // Within one text node, keeping its marks.
  for (const [i, n] of runs.entries()) {
    if (n.type !== "text" || !n.text) continue;
    const text = squash(n.text);
    const at = text.indexOf(wording);
    if (at < 0) continue;
    const next = { ...n, text: text.slice(0, at) + by + text.slice(at + wording.length) };
    return { ...p, content: runs.map((r, j) => (j === i ? next : r)) };
  }
  // Across plain text nodes only (marks would be lost otherwise).
  if (
    runs.length > 1 &&
    runs.every((n) => n.type === "text" && !(n.marks as unknown[] | undefined)?.length)
  ) {
    const text = squash(runs.map((n) => n.text ?? "").join(""));
    const at = text.indexOf(wording);
    if (at >= 0)
      return {
        ...p,
        content: [{ type: "text", text: text.slice(0, at) + by + text.slice(at + wording.length) }],
      };
  }
  return null;
}

export function replaceWording(
  body: BlockBody,
  paragraph: number,
  item: number | null,
  wording: string,
  by: string,
): BlockBody | null {
  const nodes = body.content as Node[];
  const node = nodes[paragraph];
  if (!node) return null;
  let changed: Node | null = null;
  if (item === null) {
    if (node.type === "paragraph") changed = inParagraph(node, squash(wording), by);
  } else if (node.type === "bulletList") {
    const li = node.content?.[item];
    const kids = li?.content ?? [];
    for (const [k, child] of kids.entries()) {
      if (child.type !== "paragraph") continue;
      const p = inParagraph(child, squash(wording), by);
      if (!p) continue;
      const newLi = { ...li!, content: kids.map((c, j) => (j === k ? p : c)) };
      changed = { ...node, content: node.content!.map((c, j) => (j === item ? newLi : c)) };
      break;
    }
  }
  if (!changed) return null;
  return { ...body, content: nodes.map((n, i) => (i === paragraph ? changed : n)) } as BlockBody;
}

const GONE = "\uE000";

/** Drops the sentinel and the space it leaves, and text nodes left empty. */
function tidy(node: Node): Node {
  if (!node.content) return node;
  const content = node.content
    .map((n) => {
      if (n.type !== "text" || !n.text?.includes(GONE)) return tidy(n);
      return {
        ...n,
        text: n.text.replace(/ *\uE000 */, (m) => (m.startsWith(" ") && m.endsWith(" ") ? " " : "")),
      };
    })
    .filter((n) => n.type !== "text" || n.text);
  return { ...node, content };
}

/** Strikes a sentence the recognition found (its words, where it named them), and the space it leaves. */
export function removeWording(
  body: BlockBody,
  paragraph: number,
  item: number | null,
  wording: string,
): BlockBody | null {
  const marked = replaceWording(body, paragraph, item, wording, GONE);
  return marked ? (tidy(marked as unknown as Node) as unknown as BlockBody) : null;
}
