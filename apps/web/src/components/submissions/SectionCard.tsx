"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps } from "react";
import { bodyToPlainText, wordDiff } from "@innspill/domain/shared";
import { LookupContext, TextWithFacts, type LibraryLookup } from "@/components/library/lookup";
import { WordDiff } from "@/components/library/WordDiff";
import { inputClass } from "@/components/ui";
import { SECTION_MIME, type DraftSection } from "./draft";
import { PeersHere } from "./Presence";
import { fieldOf, type Collab } from "./collab-types";

const small = "rounded px-2 py-1 text-xs hover:bg-slate-200 disabled:opacity-40";

// The rich-text editor (ProseMirror, a third of the composer's JavaScript) is loaded when a section is first edited,
// and fetched ahead as the pointer or the keyboard reaches one; for a co-written text, with its binding to the shared
// document (Yjs, the Collaboration extension), which a letter without co-writing never loads.
const loadEditor = () => import("@/components/library/BlockEditor");
const loadKit = () => import("@/components/library/collab-editor");
const editorLoading = () => (
  <div className="min-h-48 rounded-md border border-slate-300 bg-white" aria-busy="true" />
);
const BlockEditor = dynamic(() => loadEditor().then((m) => m.BlockEditor), {
  ssr: false,
  loading: editorLoading,
});
const SharedBlockEditor = dynamic(
  () =>
    Promise.all([loadEditor(), loadKit()]).then(
      ([m, kit]) =>
        function SharedBlockEditor(props: Omit<ComponentProps<typeof m.BlockEditor>, "kit">) {
          return <m.BlockEditor {...props} kit={kit} />;
        },
    ),
  { ssr: false, loading: editorLoading },
);

/** One section of the letter: a pinned library block, a local copy of one, or free text. */
export function SectionCard({
  index,
  count,
  section: s,
  canEdit,
  lookup,
  facts,
  collab,
  collabLoading = false,
  replacing = false,
  onShared,
  onChange,
  onMove,
  onRemove,
  onDragStart,
  onDragEnd,
  error,
  focusOnMount = false,
}: {
  index: number;
  count: number;
  section: DraftSection;
  canEdit: boolean;
  lookup: LibraryLookup;
  facts: { key: string; label: string }[];
  collab: Collab | null;
  /** The letter is co-written, and the co-writing code is still loading. */
  collabLoading?: boolean;
  /** Co-written, and its text was replaced outside the editor: the editor opens to put it into the shared text. */
  replacing?: boolean;
  onShared?: () => void;
  onChange: (update: (s: DraftSection) => DraftSection) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  onDragStart: () => void;
  onDragEnd: () => void;
  error?: string;
  /** Take the focus when it appears (a block just added from the library). */
  focusOnMount?: boolean;
}) {
  const t = useTranslations("submissions");
  const lookupT = useTranslations("library");
  const [undo, setUndo] = useState<Pick<typeof s, "kind" | "heading" | "body"> | null>(null);
  const [showDiff, setShowDiff] = useState(false);
  const statements = new Map([...lookup.positions].map(([id, p]) => [id, p.statement]));
  // Text shows as text until it is edited; a new, empty section opens in the editor.
  // ("user": opened by this user's click or key, "auto": opened by itself.)
  const [editingState, setEditing] = useState<false | "auto" | "user">(() =>
    bodyToPlainText(s.body, statements).trim() ? false : "auto",
  );
  const editing = !!editingState || (replacing && s.kind !== "BLOCK");
  const heading = s.kind === "BLOCK" ? s.library?.heading : s.heading;
  // The section's buttons and editor are named after it («Flytt opp: Innledning»), so a list of controls read out of
  // context tells them apart.
  const name = heading || t("sectionLabel", { n: index + 1, heading: t("noHeading") });
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const refocus = useRef<"up" | "down" | null>(null);
  const article = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnMount) article.current?.focus();
    // Once, when the section first shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // A moved section keeps the focus on the button that moved it, or on the other one when it reached the top or the
  // bottom (the button it used is disabled there).
  useEffect(() => {
    const which = refocus.current;
    if (!which) return;
    refocus.current = null;
    const [want, other] = which === "up" ? [up.current, down.current] : [down.current, up.current];
    (want && !want.disabled ? want : other)?.focus();
  }, [index]);
  // The rev whose text the shared document has: a later one (a fix, «Rediger lokalt») is put into it once.
  const [appliedRev, setAppliedRev] = useState(s.rev);
  const field = fieldOf(s.key);
  // Co-written: the editor binds to the shared text once it is there (or the server has answered, to seed it).
  const collabReady = !!collab && (collab.synced || collab.doc.getXmlFragment(field).length > 0);
  // While the co-writing code loads, a text opened by this user is edited at once (what is typed is put into the
  // shared text when the code is there); one that opens by itself waits, as it waits for the connection.
  const waitsForCollab = collab ? !collabReady : collabLoading && editingState !== "user";

  const editorProps = {
    initial: s.body,
    lookup,
    facts,
    autofocus: true,
    label: `${lookupT("editor")}: ${name}`,
    onReady: () => {
      setAppliedRev(s.rev);
      onShared?.();
    },
    onChange: (body: DraftSection["body"]) => onChange((x) => ({ ...x, body })),
  };
  // Fetched ahead as the pointer or the keyboard reaches a text.
  const prefetch = () =>
    void (collab || collabLoading ? Promise.all([loadEditor(), loadKit()]) : loadEditor());

  return (
    <article
      ref={article}
      tabIndex={-1}
      className="rounded-md border border-slate-200 bg-slate-50 p-3 focus:outline-2 focus:outline-blue-700"
      aria-label={t("sectionLabel", { n: index + 1, heading: heading || t("noHeading") })}
      data-testid="section"
      data-kind={s.kind}
    >
      <header className="mb-2 flex flex-wrap items-center gap-2">
        {canEdit ? (
          <span
            draggable
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData(SECTION_MIME, String(index));
              onDragStart();
            }}
            onDragEnd={onDragEnd}
            className="cursor-grab select-none px-1 text-slate-500"
            title={t("dragToMove")}
            aria-hidden
            data-testid="drag-handle"
          >
            ⠿
          </span>
        ) : null}
        <span className="rounded bg-white px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300">
          {s.kind === "BLOCK"
            ? t("kindBlock", { n: s.library?.number ?? 0 })
            : s.kind === "LOCAL"
              ? t("kindLocal", { n: s.library?.number ?? 0 })
              : t("kindFree")}
        </span>
        <strong className="text-sm" data-testid="section-heading">
          {heading || <span className="font-normal italic text-slate-500">{t("noHeading")}</span>}
        </strong>
        {collab ? <PeersHere peers={collab.peers.filter((p) => p.section === s.key)} /> : null}
        {canEdit ? (
          <span className="ml-auto flex flex-wrap gap-1">
            <button
              type="button"
              className={small}
              disabled={index === 0}
              ref={up}
              onClick={() => {
                refocus.current = "up";
                onMove(index - 1);
              }}
              aria-label={`${t("moveUp")}: ${name}`}
            >
              ↑
            </button>
            <button
              type="button"
              className={small}
              disabled={index === count - 1}
              ref={down}
              onClick={() => {
                refocus.current = "down";
                onMove(index + 1);
              }}
              aria-label={`${t("moveDown")}: ${name}`}
            >
              ↓
            </button>
            <button
              type="button"
              className={`${small} text-red-700`}
              onClick={onRemove}
              aria-label={`${t("remove")}: ${name}`}
            >
              {t("remove")}
            </button>
          </span>
        ) : null}
      </header>

      <label className="mb-2 flex items-center gap-2 text-xs text-slate-600">
        <input
          type="checkbox"
          checked={s.showHeading}
          disabled={!canEdit}
          onChange={(e) => onChange((x) => ({ ...x, showHeading: e.target.checked }))}
        />
        {t("showHeading")}
      </label>

      {s.kind === "BLOCK" ? (
        <>
          <p className="whitespace-pre-line text-sm text-slate-800" data-testid="block-text">
            <LookupContext.Provider value={lookup}>
              <TextWithFacts text={s.library?.plainText ?? ""} />
            </LookupContext.Provider>
          </p>
          {canEdit ? (
            <button
              type="button"
              className="mt-2 text-sm text-blue-800 underline"
              onClick={() => {
                setEditing("user");
                onChange((x) => ({
                  ...x,
                  kind: "LOCAL",
                  heading: x.library?.heading ?? null,
                  body: x.library?.body ?? x.body,
                  rev: x.rev + 1,
                }));
              }}
            >
              {t("editLocally")}
            </button>
          ) : null}
          {undo && canEdit ? (
            <p className="mt-2 text-sm text-slate-700" role="status" data-testid="reverted">
              {t("revertedToLibrary")}{" "}
              <button
                type="button"
                className="text-blue-800 underline"
                onClick={() => {
                  onChange((x) => ({ ...x, ...undo, rev: x.rev + 1 }));
                  setUndo(null);
                }}
              >
                {t("undoRevert")}
              </button>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <input
            className={`${inputClass} mb-2`}
            placeholder={t("sectionHeading")}
            aria-label={t("sectionLabel", { n: index + 1, heading: t("sectionHeading") })}
            value={s.heading ?? ""}
            disabled={!canEdit}
            onChange={(e) => onChange((x) => ({ ...x, heading: e.target.value || null }))}
          />
          {canEdit && editing && waitsForCollab ? (
            <div
              className="min-h-48 rounded-md border border-slate-300 bg-white p-3 text-sm text-slate-600"
              aria-busy="true"
            >
              {t("cowriteConnecting")}
            </div>
          ) : canEdit && editing ? (
            <div
              onFocus={() => collab?.setSection(s.key)}
              onBlur={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget)) collab?.setSection(null);
              }}
            >
              {collab ? (
                <SharedBlockEditor
                  key={`${s.key}:${s.rev}:shared`}
                  {...editorProps}
                  collab={{
                    doc: collab.doc,
                    provider: collab.provider,
                    field,
                    user: collab.me,
                    replace: s.rev !== appliedRev,
                  }}
                />
              ) : (
                <BlockEditor key={`${s.key}:${s.rev}:local`} {...editorProps} />
              )}
            </div>
          ) : canEdit ? (
            <div
              role="button"
              tabIndex={0}
              className="min-h-12 cursor-text whitespace-pre-line rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:border-blue-700 focus:outline-2 focus:outline-blue-700"
              onPointerEnter={prefetch}
              onFocus={prefetch}
              onClick={() => setEditing("user")}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  setEditing("user");
                }
              }}
              data-testid="section-text"
            >
              {/* Named by its visible text, with what a press does first (WCAG 2.5.3: the name contains the text). */}
              <span className="sr-only">{`${t("editText")}: `}</span>
              {bodyToPlainText(s.body, statements)}
            </div>
          ) : (
            <p className="whitespace-pre-line text-sm">{bodyToPlainText(s.body, statements)}</p>
          )}
          {s.kind === "LOCAL" && s.library ? (
            <div className="mt-2 text-sm">
              <button
                type="button"
                className="text-blue-800 underline"
                onClick={() => setShowDiff((v) => !v)}
              >
                {showDiff ? t("hideDiff") : t("showDiff", { n: s.library.number })}
              </button>
              {canEdit ? (
                <button
                  type="button"
                  className="ml-4 text-blue-800 underline"
                  onClick={() => {
                    // The local edits can be had back: «Angre» until the next change.
                    setUndo({ kind: s.kind, heading: s.heading, body: s.body });
                    onChange((x) => ({
                      ...x,
                      kind: "BLOCK",
                      heading: x.library!.heading,
                      body: x.library!.body,
                    }));
                  }}
                >
                  {t("revertToLibrary")}
                </button>
              ) : null}
              {showDiff ? (
                <p className="mt-2 rounded border border-slate-200 bg-white p-2" data-testid="local-diff">
                  <WordDiff
                    parts={wordDiff(
                      `${s.library.heading}\n${s.library.plainText}`,
                      `${s.heading ?? ""}\n${bodyToPlainText(s.body, statements)}`,
                    )}
                  />
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      )}
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </article>
  );
}
