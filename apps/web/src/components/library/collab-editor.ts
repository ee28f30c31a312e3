/**
 * What the editor needs to write in a co-written text (Yjs, the Collaboration extension, the others' cursors): loaded
 * with the editor only when a text is co-written (see SectionCard), so the library's editor and a composer without
 * co-writing load none of it.
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { Extension, type Extensions } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import type { Schema } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { prosemirrorJSONToYXmlFragment, ySyncPluginKey, yCursorPlugin } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { BlockBody } from "@innspill/domain/shared";

/** Live co-writing of this text: the letter's document, the field of this section, who I am. */
export interface EditorCollab {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  field: string;
  user: { name: string; color: string };
  /** The text was replaced outside the editor (a fix, «Rediger lokalt»): put `initial` into the shared text. */
  replace: boolean;
}

/** A small FNV-1a hash: the same text seeds the same Yjs items in every browser. */
function seedClientId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h || 1;
}

/**
 * A section's first text in the shared document, from the letter as saved. Made with a client id derived from the
 * text, so two browsers that seed the same text at once make the same items, which Yjs merges into one copy.
 * Returns whether the shared text was empty.
 */
export function seedShared(collab: EditorCollab, body: BlockBody, schema: Schema): boolean {
  const fragment = collab.doc.getXmlFragment(collab.field);
  if (fragment.length > 0) return false;
  const seed = new Y.Doc();
  seed.clientID = seedClientId(`${collab.field}\n${JSON.stringify(body)}`);
  prosemirrorJSONToYXmlFragment(schema, body, seed.getXmlFragment(collab.field));
  Y.applyUpdate(collab.doc, Y.encodeStateAsUpdate(seed));
  seed.destroy();
  return true;
}

/** The others' cursors and selections, with their names (from the co-writing server's awareness). */
const Carets = (provider: HocuspocusProvider) =>
  Extension.create({
    name: "collabCarets",
    addProseMirrorPlugins: () => (provider.awareness ? [yCursorPlugin(provider.awareness)] : []),
  });

/** The editor's binding to the shared text, and the others' cursors. */
export const collabExtensions = (collab: EditorCollab): Extensions => [
  Collaboration.configure({ document: collab.doc, field: collab.field }),
  Carets(collab.provider),
];

/** An edit that came from the shared document (someone else's), not typed here. */
export const isRemoteChange = (transaction: Transaction): boolean =>
  !!(transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
