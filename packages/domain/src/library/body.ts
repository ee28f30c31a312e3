/**
 * The body of a text block: Tiptap (ProseMirror) JSON with a fixed set of node types. Validated on the server; anything
 * else is rejected with a clear error. Browser-safe (no database imports).
 *
 * Block nodes: paragraph, bulletList/listItem, positionList (a "NITO mener:" list referring to positions by id).
 * Inline nodes: text (bold, italic, link marks), hardBreak, footnote (text, optional URL), fact (a fact key).
 */
import { z } from "zod";
import { isSafeLink } from "@innspill/documents/preview";

export const MAX_BODY_BYTES = 200_000;

const safeUrl = z
  .string()
  .max(2000, { error: "textTooLong" })
  .refine(isSafeLink, { error: "bodyUnsafeLink" });

const mark = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("bold") }).strict(),
    z.object({ type: z.literal("italic") }).strict(),
    z
      .object({
        type: z.literal("link"),
        attrs: z.object({ href: safeUrl }).catchall(z.unknown()),
      })
      .strict(),
  ],
  { error: "bodyUnknownMark" },
);

const text = z
  .object({
    type: z.literal("text"),
    text: z.string().min(1).max(20_000),
    marks: z.array(mark).max(5).optional(),
  })
  .strict();
const hardBreak = z.object({ type: z.literal("hardBreak") }).strict();
const footnote = z
  .object({
    type: z.literal("footnote"),
    attrs: z
      .object({
        text: z.string().trim().min(1, { error: "footnoteEmpty" }).max(2000, { error: "textTooLong" }),
        url: safeUrl.nullable().optional(),
      })
      .strict(),
  })
  .strict();
const fact = z
  .object({
    type: z.literal("fact"),
    attrs: z
      .object({ key: z.string().regex(/^[a-zA-Z][\w.-]{0,99}$/, { error: "factKeyInvalid" }) })
      .strict(),
  })
  .strict();

const inline = z.discriminatedUnion("type", [text, hardBreak, footnote, fact], { error: "bodyUnknownNode" });

const paragraph = z
  .object({
    type: z.literal("paragraph"),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(inline).max(2000).optional(),
  })
  .strict();

type ListItem = {
  type: "listItem";
  attrs?: Record<string, unknown>;
  content: (z.infer<typeof paragraph> | BulletList)[];
};
type BulletList = { type: "bulletList"; attrs?: Record<string, unknown>; content: ListItem[] };

const bulletList: z.ZodType<BulletList> = z.lazy(() =>
  z
    .object({
      type: z.literal("bulletList"),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(listItem).min(1).max(500),
    })
    .strict(),
);
const listItem: z.ZodType<ListItem> = z.lazy(() =>
  z
    .object({
      type: z.literal("listItem"),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z
        .array(z.union([paragraph, bulletList], { error: "bodyUnknownNode" }))
        .min(1)
        .max(50),
    })
    .strict(),
);

const positionList = z
  .object({
    type: z.literal("positionList"),
    attrs: z.object({ positionIds: z.array(z.uuid({ error: "invalid" })).max(100) }).strict(),
  })
  .strict();

const block = z.union([paragraph, bulletList, positionList], { error: "bodyUnknownNode" });

export const blockBody = z
  .object({ type: z.literal("doc", { error: "bodyUnknownNode" }), content: z.array(block).max(1000) })
  .strict()
  .refine((b) => JSON.stringify(b).length <= MAX_BODY_BYTES, { error: "bodyTooLarge" });

export type BlockBody = z.infer<typeof blockBody>;
export type BlockNode = BlockBody["content"][number];

export const emptyBody = (): BlockBody => ({ type: "doc", content: [{ type: "paragraph" }] });

type AnyNode = { type: string; text?: string; attrs?: Record<string, unknown>; content?: AnyNode[] };

function walk(node: AnyNode, visit: (n: AnyNode) => void) {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

export function bodyPositionIds(body: BlockBody): string[] {
  const ids: string[] = [];
  walk(body as AnyNode, (n) => {
    if (n.type === "positionList") ids.push(...((n.attrs?.positionIds as string[]) ?? []));
  });
  return ids;
}

export function bodyFactKeys(body: BlockBody): string[] {
  const keys = new Set<string>();
  walk(body as AnyNode, (n) => {
    if (n.type === "fact") keys.add(String(n.attrs?.key));
  });
  return [...keys];
}

/**
 * The block as plain text, for search and word diffs. Facts show as {{key}}, footnotes in brackets, and position
 * lists as "NITO mener:" with the statements (from `statements`, by id).
 */
export function bodyToPlainText(body: BlockBody, statements: Map<string, string> = new Map()): string {
  const inlineText = (nodes: AnyNode[] = []): string =>
    nodes
      .map((n) =>
        n.type === "text"
          ? (n.text ?? "")
          : n.type === "hardBreak"
            ? "\n"
            : n.type === "fact"
              ? `{{${String(n.attrs?.key)}}}`
              : n.type === "footnote"
                ? ` [${String(n.attrs?.text)}]`
                : "",
      )
      .join("");
  const blockText = (n: AnyNode): string => {
    switch (n.type) {
      case "paragraph":
        return inlineText(n.content);
      case "bulletList":
        return (n.content ?? []).map((li) => `• ${(li.content ?? []).map(blockText).join(" ")}`).join("\n");
      case "positionList":
        return [
          "NITO mener:",
          ...((n.attrs?.positionIds as string[]) ?? []).map((id) => `• ${statements.get(id) ?? ""}`),
        ].join("\n");
      default:
        return "";
    }
  };
  return (body.content as AnyNode[]).map(blockText).filter(Boolean).join("\n\n");
}
