"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

export type Place = {
  section: number;
  paragraph: number;
  item: number | null;
  wording: string;
};

/** Two sentences of the letter that contradict each other's positions (`readSections` in the domain). */
export type Conflict = {
  kind: "negates" | "replaced";
  positionId: string;
  statement: string;
  other: { id: string; statement: string } | null;
  said: Place;
  against: Place;
};

const fixClass =
  "rounded-md bg-amber-700 px-3 py-1 text-xs font-medium text-white hover:bg-amber-800 disabled:opacity-50";
const otherClass =
  "rounded-md border border-amber-700 px-3 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100 disabled:opacity-50";

/**
 * One conflict within the letter, both sentences shown with the position at stake. The fix strikes one of them: for
 * a position and its opposite, the sentence against the position (or, by choice, the other); for a retired position
 * and its replacement, the retired one. `onRemove` is given in the composer; elsewhere `fixHref` leads there.
 */
export function ConflictWarning({
  c,
  sectionName,
  onRemove,
  canRemove,
  fixHref,
}: {
  c: Conflict;
  sectionName: (index: number) => string;
  onRemove?: (p: Place) => void;
  canRemove?: (p: Place) => boolean;
  fixHref?: string;
}) {
  const t = useTranslations("memory");
  // The sentence the fix strikes first.
  const first = c.kind === "replaced" ? c.said : c.against;
  const sentence = (p: Place, testid: string) => (
    <div className="mt-1" data-testid={testid}>
      <p className="text-xs font-medium">{t("conflictIn", { section: sectionName(p.section) })}</p>
      <blockquote className="my-1 border-l-2 border-amber-400 pl-2 italic">{p.wording}</blockquote>
      {onRemove && canRemove?.(p) ? (
        <button type="button" className={p === first ? fixClass : otherClass} onClick={() => onRemove(p)}>
          {t("removeSentence")}
        </button>
      ) : null}
    </div>
  );
  return (
    <li
      className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950"
      data-kind={`conflict-${c.kind}`}
    >
      <p>{t(c.kind === "negates" ? "conflictNegates" : "conflictReplaced")}</p>
      {sentence(c.said, "conflict-said")}
      {sentence(c.against, "conflict-against")}
      <p className="mt-1">
        {t(c.kind === "negates" ? "conflictPosition" : "retiredPosition")}{" "}
        <Link href={`/standpunkter/${c.positionId}`} className="text-blue-800 underline">
          {c.statement}
        </Link>
      </p>
      {c.other ? <p className="mt-1">{t("replacedBy", { statement: c.other.statement })}</p> : null}
      {fixHref ? (
        <Link href={fixHref} className="mt-1 inline-block text-blue-800 underline">
          {t(c.kind === "negates" ? "fixNegates" : "fixReplaced")}
        </Link>
      ) : null}
    </li>
  );
}
