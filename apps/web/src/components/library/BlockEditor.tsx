"use client";

import { getSchema } from "@tiptap/core";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { useMemo, useState, type ReactNode } from "react";
import { MAX_BODY_BYTES, type BlockBody } from "@innspill/domain/shared";
import { inputClass, secondaryButtonClass, buttonClass } from "../ui";
import type * as CollabKit from "./collab-editor";
import { FactNode, FootnoteNode, PositionListNode } from "./editor-nodes";
import { LookupContext, type LibraryLookup } from "./lookup";
import { PositionPicker, type PickedPosition } from "./PositionPicker";

type Panel = null | "fact" | "footnote" | "positions" | "link";

/** The editor's nodes and marks; with co-writing, undo is the collaboration's own (it undoes only this user's edits). */
const extensions = (collab: boolean) => [
  StarterKit.configure({
    heading: false,
    codeBlock: false,
    code: false,
    blockquote: false,
    horizontalRule: false,
    orderedList: false,
    strike: false,
    underline: false,
    link: { openOnClick: false, autolink: false, protocols: ["mailto"] },
    ...(collab ? { undoRedo: false as const } : {}),
  }),
  FactNode,
  FootnoteNode,
  PositionListNode,
];

/** Whether the user is typing in another field (a heading filled while this editor loaded): it keeps the focus. */
function typingElsewhere(editor: HTMLElement): boolean {
  const a = document.activeElement;
  if (!a || a === document.body || editor.contains(a)) return false;
  return (
    a instanceof HTMLInputElement ||
    a instanceof HTMLTextAreaElement ||
    a instanceof HTMLSelectElement ||
    (a instanceof HTMLElement && a.isContentEditable)
  );
}

/** The most text one paste may bring: half of what a block may hold (its JSON roughly doubles it). */
const MAX_PASTE_CHARS = MAX_BODY_BYTES / 2;

/** The rich-text editor of a text block: paragraphs, bold/italic, links, bullets, facts, footnotes, "NITO mener". */
export function BlockEditor({
  initial,
  lookup,
  facts,
  onChange,
  onReady,
  autofocus = false,
  label,
  collab,
  kit,
}: {
  initial: BlockBody;
  /**
   * Co-written: the text lives in the letter's shared document (edits merge as they are typed), bound with `kit`
   * (collab-editor.ts, loaded with the editor only for a co-written text).
   */
  collab?: CollabKit.EditorCollab;
  kit?: typeof CollabKit;
  lookup: LibraryLookup;
  facts: { key: string; label: string }[];
  onChange: (body: BlockBody) => void;
  onReady?: (editor: Editor) => void;
  /** Put the cursor in the text at once (when opened by a click on it). */
  autofocus?: boolean;
  /** The editor's accessible name, e.g. «Utkast: <the section's heading>» (default «Utkast»). */
  label?: string;
}) {
  const t = useTranslations("library");
  const [panel, setPanel] = useState<Panel>(null);
  const [pasteRefused, setPasteRefused] = useState(false);
  // The positions chosen in the picker: shown by name at once, before the page's lookup has read them.
  const [chosen, setChosen] = useState<PickedPosition[]>([]);
  const [inserted, setInserted] = useState<PickedPosition[]>([]);
  const shown = useMemo<LibraryLookup>(
    () =>
      inserted.length
        ? {
            ...lookup,
            positions: new Map([...inserted.map((p) => [p.id, p] as const), ...lookup.positions]),
          }
        : lookup,
    [lookup, inserted],
  );
  // Co-written: the shared text starts as the saved one (seeded once, before the editor binds to it).
  const shared = collab && kit ? { collab, kit } : null;
  const [seeded] = useState(() =>
    shared ? shared.kit.seedShared(shared.collab, initial, getSchema(extensions(false))) : false,
  );
  const editor = useEditor({
    immediatelyRender: false,
    // Focused in onCreate, not by Tiptap: only if the user has not gone on to another field meanwhile.
    autofocus: false,
    extensions: shared
      ? [...extensions(true), ...shared.kit.collabExtensions(shared.collab)]
      : extensions(false),
    ...(shared ? {} : { content: initial }),
    editorProps: {
      // A paste larger than a block may hold is refused at once, with a message, instead of freezing the tab while
      // the editor lays out megabytes the server would refuse anyway.
      handlePaste: (_view, event) => {
        const text = event.clipboardData?.getData("text/plain") ?? "";
        const html = event.clipboardData?.getData("text/html") ?? "";
        const tooLarge = Math.max(text.length, html.length / 4) > MAX_PASTE_CHARS;
        setPasteRefused(tooLarge);
        return tooLarge;
      },
      attributes: {
        class:
          "prose-sm min-h-48 rounded-b-md border border-slate-300 bg-white px-3 py-2 focus:outline-none [&_ul]:ml-5 [&_ul]:list-disc [&_p]:my-2",
        "aria-label": label ?? t("editor"),
        "data-testid": "block-editor",
      },
    },
    onCreate: ({ editor: e }) => {
      // Replaced outside the editor (and not just seeded with it): the shared text becomes the new one, as an edit.
      if (shared?.collab.replace && !seeded) e.commands.setContent(initial);
      // The editor's code, or the co-written text, may come a moment after the click that opened it.
      if (autofocus && !typingElsewhere(e.view.dom)) e.commands.focus("end");
      onReady?.(e);
    },
    onUpdate: ({ editor: e, transaction }) => {
      // The others' edits arrive through the shared document: the composer reads them from there, unsaved by me.
      if (shared?.kit.isRemoteChange(transaction)) return;
      onChange(e.getJSON() as BlockBody);
    },
  });
  if (!editor) return null;

  const tool = (label: string, active: boolean, run: () => void, testId: string) => (
    <button
      type="button"
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
      aria-pressed={active}
      className={`rounded px-2 py-1 text-sm ${active ? "bg-slate-800 text-white" : "hover:bg-slate-200"}`}
      data-testid={testId}
    >
      {label}
    </button>
  );
  // Escape closes an open panel and puts the cursor back in the text.
  const closePanel = () => {
    setPanel(null);
    editor.commands.focus();
  };
  const panelBox = (children: ReactNode) => (
    <div
      className="flex flex-wrap items-end gap-2 border-x border-slate-300 bg-slate-50 p-2 text-sm"
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        e.stopPropagation();
        closePanel();
      }}
      data-testid="editor-panel"
    >
      {children}
    </div>
  );
  // A fact is inserted when it is chosen with Enter or «Sett inn», not while the arrow keys move through the list
  // (WCAG 3.2.2: changing a value starts nothing).
  const insertFact = (key: string) => {
    if (!key) return;
    editor.chain().focus().insertContent({ type: "fact", attrs: { key } }).run();
    setPanel(null);
  };

  return (
    <LookupContext.Provider value={shown}>
      <div
        className="flex flex-wrap gap-1 rounded-t-md border border-b-0 border-slate-300 bg-slate-100 p-1"
        role="toolbar"
        aria-label={label ?? t("editor")}
      >
        {tool(
          t("toolbar.bold"),
          editor.isActive("bold"),
          () => editor.chain().focus().toggleBold().run(),
          "tool-bold",
        )}
        {tool(
          t("toolbar.italic"),
          editor.isActive("italic"),
          () => editor.chain().focus().toggleItalic().run(),
          "tool-italic",
        )}
        {tool(
          t("toolbar.link"),
          editor.isActive("link"),
          () => setPanel(panel === "link" ? null : "link"),
          "tool-link",
        )}
        {tool(
          t("toolbar.bullets"),
          editor.isActive("bulletList"),
          () => editor.chain().focus().toggleBulletList().run(),
          "tool-bullets",
        )}
        {tool(
          t("toolbar.fact"),
          panel === "fact",
          () => setPanel(panel === "fact" ? null : "fact"),
          "tool-fact",
        )}
        {tool(
          t("toolbar.footnote"),
          panel === "footnote",
          () => setPanel(panel === "footnote" ? null : "footnote"),
          "tool-footnote",
        )}
        {tool(
          t("toolbar.positions"),
          panel === "positions",
          () => setPanel(panel === "positions" ? null : "positions"),
          "tool-positions",
        )}
      </div>
      {panel === "link"
        ? panelBox(
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                const href = String(new FormData(e.currentTarget).get("href") ?? "").trim();
                if (href) editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
                else editor.chain().focus().unsetLink().run();
                setPanel(null);
              }}
            >
              <label>
                {t("linkPrompt")}
                <input
                  name="href"
                  type="url"
                  className={inputClass}
                  defaultValue={String(editor.getAttributes("link").href ?? "")}
                />
              </label>
              <button type="submit" className={secondaryButtonClass}>
                {t("insert")}
              </button>
            </form>,
          )
        : null}
      {panel === "fact"
        ? panelBox(
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                insertFact(String(new FormData(e.currentTarget).get("fact") ?? ""));
              }}
            >
              <label>
                {t("chooseFact")}
                <select
                  name="fact"
                  className={inputClass}
                  defaultValue=""
                  data-testid="fact-select"
                  autoFocus
                  onKeyDown={(e) => {
                    if (e.key !== "Enter") return;
                    e.preventDefault();
                    insertFact(e.currentTarget.value);
                  }}
                >
                  <option value="">—</option>
                  {facts.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label} ({f.key})
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className={secondaryButtonClass} data-testid="fact-insert">
                {t("insert")}
              </button>
            </form>,
          )
        : null}
      {panel === "footnote"
        ? panelBox(
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                const fd = new FormData(e.currentTarget);
                const text = String(fd.get("text") ?? "").trim();
                const url = String(fd.get("url") ?? "").trim();
                if (!text) return;
                editor
                  .chain()
                  .focus()
                  .insertContent({ type: "footnote", attrs: { text, url: url || null } })
                  .run();
                setPanel(null);
              }}
            >
              <label>
                {t("footnoteText")}
                <input name="text" className={inputClass} data-testid="footnote-text" />
              </label>
              <label>
                {t("footnoteUrl")}
                <input name="url" type="url" className={inputClass} />
              </label>
              <button type="submit" className={secondaryButtonClass} data-testid="footnote-insert">
                {t("insert")}
              </button>
            </form>,
          )
        : null}
      {panel === "positions"
        ? panelBox(
            <form
              className="w-full"
              onSubmit={(e) => {
                e.preventDefault();
                if (chosen.length) {
                  setInserted((before) => [...before, ...chosen]);
                  editor
                    .chain()
                    .focus()
                    .insertContent({ type: "positionList", attrs: { positionIds: chosen.map((p) => p.id) } })
                    .run();
                }
                setChosen([]);
                setPanel(null);
              }}
            >
              <p className="mb-1 font-medium">{t("choosePositions")}</p>
              <PositionPicker many chosen={chosen} onChange={setChosen} only="usable" />
              <div className="mt-2 flex gap-2">
                <button type="submit" className={buttonClass}>
                  {t("insert")}
                </button>
                <button
                  type="button"
                  className={secondaryButtonClass}
                  onClick={() => {
                    setChosen([]);
                    setPanel(null);
                  }}
                >
                  {t("cancel")}
                </button>
              </div>
            </form>,
          )
        : null}
      {pasteRefused ? (
        <p
          role="alert"
          className="border-x border-slate-300 bg-amber-50 p-2 text-sm text-amber-900"
          data-testid="paste-refused"
        >
          {t("pasteTooLarge", { max: MAX_PASTE_CHARS.toLocaleString("nb-NO") })}
        </p>
      ) : null}
      <EditorContent editor={editor} />
    </LookupContext.Provider>
  );
}
