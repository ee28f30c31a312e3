"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/trpc/client";
import type { Collab, Peer } from "./collab-types";

/**
 * The letter's live co-writing (see Collab), when it is on: `COLLAB_URL` set (`url`) and the letter editable by this
 * user (`enabled`). Its code (Yjs, Hocuspocus, y-indexeddb) is loaded here, with `import()`, not with the page:
 * `loading` is true until it is there (the composer keeps what is typed meanwhile and puts it into the shared text).
 * If it cannot be loaded, the letter is edited as without co-writing.
 */
export function useCollab(
  id: string,
  url: string | null,
  name: string,
  enabled: boolean,
): { collab: Collab | null; loading: boolean } {
  const trpc = useTRPC();
  const ticket = useMutation(trpc.submission.collabTicket.mutationOptions());
  const [collab, setCollab] = useState<Omit<Collab, "synced" | "refused" | "peers"> | null>(null);
  const [failed, setFailed] = useState(false);
  const [synced, setSynced] = useState(false);
  const [refused, setRefused] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  const { mutateAsync } = ticket;

  useEffect(() => {
    if (!url || !enabled) return;
    let closed = false;
    let close: (() => void) | null = null;
    import("./collab-session").then(
      ({ openCollab }) => {
        if (closed) return;
        const session = openCollab({
          id,
          url,
          name,
          token: async () => (await mutateAsync({ id })).ticket,
          onSynced: setSynced,
          onRefused: () => setRefused(true),
          onPeers: setPeers,
        });
        close = session.close;
        setCollab(session.collab);
      },
      (err: unknown) => {
        console.error("co-writing could not be loaded", err);
        if (!closed) setFailed(true);
      },
    );
    return () => {
      closed = true;
      close?.();
      setCollab(null);
      setSynced(false);
    };
  }, [id, url, name, enabled, mutateAsync]);

  return {
    collab: collab ? { ...collab, synced, refused, peers } : null,
    loading: !!url && enabled && !collab && !failed,
  };
}
