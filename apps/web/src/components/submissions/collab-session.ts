/**
 * The co-writing code proper (Yjs, Hocuspocus, y-indexeddb): loaded by useCollab with `import()` only for a letter
 * that is co-written (COLLAB_URL set and the letter editable by this user), so the composer shows and edits the
 * letter without waiting for it, and a letter that is only read never loads it.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { localDraftKey } from "@/lib/local-drafts";
import { fragmentBody } from "./collab-body";
import { fieldOf, type Collab, type Peer } from "./collab-types";

const COLORS = ["#1d4ed8", "#b91c1c", "#15803d", "#7e22ce", "#c2410c", "#0f766e", "#a21caf", "#4d7c0f"];
const colorOf = (name: string) =>
  COLORS[[...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % COLORS.length]!;

/** Opens the letter's shared document: kept in this browser (IndexedDB) and joined on the co-writing server. */
export function openCollab(o: {
  id: string;
  url: string;
  name: string;
  token: () => Promise<string>;
  onSynced: (synced: boolean) => void;
  onRefused: () => void;
  onPeers: (peers: Peer[]) => void;
}): { collab: Omit<Collab, "synced" | "refused" | "peers">; close: () => void } {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(localDraftKey("collab", o.id), doc);
  const me = { name: o.name, color: colorOf(o.name) };
  const provider = new HocuspocusProvider({
    url: o.url,
    name: o.id,
    document: doc,
    token: o.token,
    onSynced: ({ state }) => o.onSynced(state),
    onDisconnect: () => o.onSynced(false),
    onAuthenticationFailed: () => o.onRefused(),
    // The server closes a connection whose session ended or whose letter was signed (its check every 10 s).
    onClose: ({ event }) => {
      if (event.reason === "forbidden") o.onRefused();
    },
    onAwarenessChange: ({ states }) =>
      o.onPeers(
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
  return {
    collab: {
      doc,
      provider,
      me,
      setSection: (key) => provider.setAwarenessField("section", key),
      body: (key) => {
        const fragment = doc.getXmlFragment(fieldOf(key));
        return fragment.length === 0 ? null : fragmentBody(fragment);
      },
    },
    close: () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}
