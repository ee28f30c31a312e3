"use client";

import { mergeAttributes, Node } from "@tiptap/core";
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { useContext } from "react";
import { FactLabel, LookupContext } from "./lookup";

function FactChip({ node }: ReactNodeViewProps) {
  return (
    <NodeViewWrapper as="span">
      <FactLabel factKey={String(node.attrs.key)} />
    </NodeViewWrapper>
  );
}

function FootnoteChip({ node, editor, getPos }: ReactNodeViewProps) {
  // Footnotes are numbered in document order.
  let n = 0;
  const pos = typeof getPos === "function" ? getPos() : undefined;
  editor.state.doc.descendants((child, childPos) => {
    if (child.type.name === "footnote" && (pos === undefined || childPos <= pos)) n++;
  });
  return (
    <NodeViewWrapper
      as="sup"
      className="mx-0.5 rounded bg-violet-100 px-1 text-xs text-violet-900"
      title={`${node.attrs.text}${node.attrs.url ? ` – ${node.attrs.url}` : ""}`}
      data-testid="footnote-chip"
    >
      {n}
    </NodeViewWrapper>
  );
}

function PositionListView({ node }: ReactNodeViewProps) {
  const { positions, labels } = useContext(LookupContext);
  const ids = (node.attrs.positionIds as string[]) ?? [];
  return (
    <NodeViewWrapper
      className="my-2 rounded border border-blue-200 bg-blue-50 p-2"
      data-testid="position-list"
    >
      <p className="font-semibold">{labels.nitoMener}</p>
      <ul className="ml-5 list-disc">
        {ids.map((id) => {
          const p = positions.get(id);
          return (
            <li key={id} className={p?.status === "RETIRED" ? "text-red-800" : ""}>
              {p?.statement ?? id}
            </li>
          );
        })}
      </ul>
    </NodeViewWrapper>
  );
}

export const FactNode = Node.create({
  name: "fact",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes: () => ({ key: { default: "" } }),
  parseHTML: () => [
    { tag: "span[data-fact]", getAttrs: (el) => ({ key: (el as HTMLElement).dataset.fact }) },
  ],
  renderHTML: ({ HTMLAttributes }) => ["span", mergeAttributes({ "data-fact": HTMLAttributes.key })],
  addNodeView: () => ReactNodeViewRenderer(FactChip),
});

export const FootnoteNode = Node.create({
  name: "footnote",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes: () => ({ text: { default: "" }, url: { default: null } }),
  parseHTML: () => [
    {
      tag: "sup[data-footnote]",
      getAttrs: (el) => ({
        text: (el as HTMLElement).dataset.footnote,
        url: (el as HTMLElement).dataset.url ?? null,
      }),
    },
  ],
  renderHTML: ({ HTMLAttributes }) => [
    "sup",
    { "data-footnote": HTMLAttributes.text, "data-url": HTMLAttributes.url },
  ],
  addNodeView: () => ReactNodeViewRenderer(FootnoteChip),
});

export const PositionListNode = Node.create({
  name: "positionList",
  group: "block",
  atom: true,
  addAttributes: () => ({ positionIds: { default: [] } }),
  parseHTML: () => [
    {
      tag: "div[data-positions]",
      getAttrs: (el) => ({ positionIds: JSON.parse((el as HTMLElement).dataset.positions ?? "[]") }),
    },
  ],
  renderHTML: ({ HTMLAttributes }) => [
    "div",
    { "data-positions": JSON.stringify(HTMLAttributes.positionIds) },
  ],
  addNodeView: () => ReactNodeViewRenderer(PositionListView),
});
