"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { useMutation } from "@tanstack/react-query";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import type { BlockBody } from "@innspill/domain/shared";
import { localDraftKey } from "@/lib/local-drafts";
import { useTRPC } from "@/trpc/client";

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
 * again.
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
}

const COLORS = ["#1d4ed8", "#b91c1c", "#15803d", "#7e22ce", "#c2410c", "#0f766e", "#a21caf", "#4d7c0f"];
const colorOf = (name: string) =>
  COLORS[[...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % COLORS.length]!;

/** The field of a section's text in the letter's document. */
export const fieldOf = (key: string) => `section:${key}`;

/** A section's text as the merged document has it, or null before anyone wrote it there. */
export function collabBody(doc: Y.Doc, key: string): BlockBody | null {
  const fragment = doc.getXmlFragment(fieldOf(key));
  if (fragment.length === 0) return null;
  return yXmlFragmentToProsemirrorJSON(fragment) as unknown as BlockBody;
}

export function useCollab(id: string, url: string | null, name: string, enabled: boolean): Collab | null {
  const trpc = useTRPC();
  const ticket = useMutation(trpc.submission.collabTicket.mutationOptions());
  const [collab, setCollab] = useState<Collab | null>(null);
  const [synced, setSynced] = useState(false);
  const [refused, setRefused] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  const { mutateAsync } = ticket;

  useEffect(() => {
    if (!url || !enabled) return;
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(localDraftKey("collab", id), doc);
    const me = { name, color: colorOf(name) };
    const provider = new HocuspocusProvider({
      url,
      name: id,
      document: doc,
      token: async () => (await mutateAsync({ id })).ticket,
      onSynced: ({ state }) => setSynced(state),
      onDisconnect: () => setSynced(false),
      onAuthenticationFailed: () => setRefused(true),
      onAwarenessChange: ({ states }) =>
        setPeers(
          states.flatMap((s) => {
            const user = s.user as { name?: string; color?: string } | undefined;
            if (s.clientId === doc.clientID || !user?.name) return [];
            return [
              {
                clientId: s.clientId,
                name: user.name,
                color: user.color ?? "#334155",
                section: typeof s.section === "string" ? s.section : null,
              },
            ];
          }),
        ),
    });
    provider.setAwarenessField("user", me);
    // Offline (a laptop's network gone) the socket may linger unseen: close it, and open it again when back.
    const offline = () => provider.disconnect();
    const online = () => void provider.connect();
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    setCollab({
      doc,
      provider,
      synced: false,
      refused: false,
      peers: [],
      me,
      setSection: (key) => provider.setAwarenessField("section", key),
    });
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setCollab(null);
      setSynced(false);
    };
  }, [id, url, name, enabled, mutateAsync]);

  return collab ? { ...collab, synced, refused, peers } : null;
}
