import type { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import type { BlockBody } from "@innspill/domain/shared";

/** Someone in the letter now, from the co-writing server's awareness: their name, colour and the section they write in. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  section: string | null;
}

/**
 * The letter's live co-writing: one Yjs document (Hocuspocus, `COLLAB_URL`), a text fragment per section (by its key),
 * and who else is here. The WebSocket asks the web for a one-time pass at each (re)connect; offline it waits, and
 * the edits made meanwhile merge when it is back (Yjs). The document is also kept in this browser (IndexedDB, per
 * user, cleared at logout), so what was written offline survives a closed tab and merges when the letter is opened
 * again. Only types here: the code (collab-session.ts) is loaded when a letter is co-written.
 */
export interface Collab {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Connected and caught up with the server: what the composer waits for before it saves. */
  synced: boolean;
  /** The server refused this user (no longer allowed to edit, or another organisation's letter). */
  refused: boolean;
  peers: Peer[];
  me: { name: string; color: string };
  /** Where this user writes now (a section key), shown to the others. */
  setSection(key: string | null): void;
  /** A section's text as the merged document has it, or null before anyone wrote it there. */
  body(key: string): BlockBody | null;
}

/** The field of a section's text in the letter's document. */
export const fieldOf = (key: string) => `section:${key}`;
