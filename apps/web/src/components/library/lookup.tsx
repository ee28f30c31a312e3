"use client";

/**
 * Facts and positions by name, as the composer and the editor show them. Apart from the editor's nodes
 * (editor-nodes.tsx), so that a page showing text does not load the editor.
 */
import { createContext, useContext } from "react";

/** What the chips need to show facts and positions by name rather than by code. */
export interface LibraryLookup {
  facts: Map<string, { label: string; value: string | null; stale: boolean }>;
  positions: Map<string, { statement: string; status: string }>;
  labels: { nitoMener: string; stale: string; unknownFact: string };
}

export const LookupContext = createContext<LibraryLookup>({
  facts: new Map(),
  positions: new Map(),
  labels: { nitoMener: "NITO mener:", stale: "utdatert", unknownFact: "ukjent faktum" },
});

/** A fact by name with its current value (amber when stale), as the editor and the composer show it. */
export function FactLabel({ factKey, as: Tag = "span" }: { factKey: string; as?: "span" }) {
  const { facts, labels } = useContext(LookupContext);
  const fact = facts.get(factKey);
  return (
    <Tag
      className={`mx-0.5 inline-block rounded px-1.5 text-sm ${fact?.stale ? "bg-amber-100 text-amber-900" : "bg-sky-100 text-sky-900"}`}
      title={factKey}
      data-testid="fact-chip"
    >
      {fact ? `${fact.label}: ${fact.value ?? "—"}` : `${labels.unknownFact} (${factKey})`}
      {fact?.stale ? ` (${labels.stale})` : ""}
    </Tag>
  );
}

/** A library text as plain lines, its fact placeholders ({{key}}) shown as chips with their values. */
export function TextWithFacts({ text }: { text: string }) {
  const parts = text.split(/\{\{([\w.-]+)\}\}/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <FactLabel key={i} factKey={part} /> : part))}</>;
}
