"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { LibraryLookup } from "@/components/library/lookup";
import { Card } from "@/components/ui";
import { AddSection } from "./AddSection";
import { SECTION_MIME, move, type DraftSection } from "./draft";
import { SectionCard } from "./SectionCard";
import type { Collab } from "./collab-types";
import type { SubmissionDraft } from "./useSubmissionDraft";

/** The letter's sections in order: drag or buttons to reorder, edit, remove, add from the library or free text. */
export function SectionList({
  letter,
  lookup,
  facts,
  collab,
  collabLoading = false,
}: {
  letter: SubmissionDraft;
  lookup: LibraryLookup;
  facts: { key: string; label: string }[];
  collab: Collab | null;
  /** Co-written, its code still loading. */
  collabLoading?: boolean;
}) {
  const t = useTranslations("submissions");
  const { draft, setDraft, editable, fieldError } = letter;
  const [dragging, setDragging] = useState<number | null>(null);
  // A block added from the library takes the focus (a free-text section opens its editor, which takes it).
  const [added, setAdded] = useState<string | null>(null);
  const setSection = (index: number, update: (s: DraftSection) => DraftSection) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s, i) => (i === index ? update(s) : s)) }));

  return (
    <Card title={t("sections")}>
      {draft.sections.length === 0 ? <p className="text-sm text-slate-500">{t("noSections")}</p> : null}
      <ol className="space-y-3" data-testid="sections">
        {draft.sections.map((s, i) => (
          <li
            key={s.key}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes(SECTION_MIME)) e.preventDefault();
            }}
            onDrop={(e) => {
              const from = Number(e.dataTransfer.getData(SECTION_MIME));
              if (!e.dataTransfer.types.includes(SECTION_MIME) || !Number.isInteger(from)) return;
              e.preventDefault();
              setDraft((d) => ({ ...d, sections: move(d.sections, from, i) }));
              setDragging(null);
            }}
            className={dragging === i ? "opacity-50" : undefined}
          >
            <SectionCard
              index={i}
              count={draft.sections.length}
              section={s}
              canEdit={editable}
              lookup={lookup}
              facts={facts}
              collab={collab}
              collabLoading={collabLoading}
              replacing={!!collab && letter.pendingShare(s.key)}
              onShared={() => letter.shared(s.key)}
              onChange={(update) => setSection(i, update)}
              onMove={(to) => setDraft((d) => ({ ...d, sections: move(d.sections, i, to) }))}
              onRemove={() => setDraft((d) => ({ ...d, sections: d.sections.filter((_, j) => j !== i) }))}
              onDragStart={() => setDragging(i)}
              onDragEnd={() => setDragging(null)}
              error={fieldError(`sections.${i}`) ?? fieldError(`sections.${i}.body`)}
              focusOnMount={s.key === added && s.kind !== "FREE"}
            />
          </li>
        ))}
      </ol>
      {fieldError("sections") ? <p className="mt-2 text-sm text-red-700">{fieldError("sections")}</p> : null}
      {editable ? (
        <AddSection
          onAdd={(section, focus) => {
            setAdded(focus ? section.key : null);
            setDraft((d) => ({ ...d, sections: [...d.sections, section] }));
          }}
        />
      ) : null}
    </Card>
  );
}
