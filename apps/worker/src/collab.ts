/**
 * The live co-writing server: Hocuspocus (Yjs over WebSocket), one document per letter, named by the letter's id.
 * Each section's text is an XML fragment in it, named by the section's key (the composer's Tiptap editors bind to
 * it). A connection needs a one-time pass from the web (`submission.collabTicket`, issued to a session that may edit
 * the letter); the merged state is kept in PostgreSQL (`SubmissionCollab`), stored half a second after changes stop
 * and at most two seconds apart, and when the last writer leaves.
 *
 * Colleagues see each other under the names the server knows (the awareness' `user.name` is rewritten).
 *
 * An open connection is checked again every `recheckMs` (10 s): a session that ended (logout, «log out everywhere», a
 * user made inactive) or a letter no longer editable (signed, sent) closes it, so an open tab neither
 * writes nor reads colleagues' text after that.
 *
 * One process per installation: every web server's pages connect to it (COLLAB_URL), so two web servers share one
 * document. It keeps no state of its own beyond the documents open now; a restart loads them again from the table.
 */
import { Server } from "@hocuspocus/server";
import * as Y from "yjs";
import type { Db } from "@innspill/db";
import {
  checkCollabAccess,
  loadCollabState,
  MAX_COLLAB_STATE_BYTES,
  redeemCollabTicket,
  storeCollabState,
  type CollabUser,
} from "@innspill/domain/worker";
import type { Logger } from "@innspill/log";

export interface CollabServer {
  port: number;
  stop(): Promise<void>;
}

export async function startCollabServer(opts: {
  db: Db;
  port: number;
  host?: string;
  logger: Logger;
  /** How often open connections are checked again (ms). */
  recheckMs?: number;
}): Promise<CollabServer> {
  const { db, logger } = opts;
  const server = new Server<{ user: CollabUser }>({
    port: opts.port,
    ...(opts.host ? { address: opts.host } : {}),
    quiet: true,
    stopOnSignals: false,
    debounce: 500,
    maxDebounce: 2000,
    // One update (a paste) may be large, but not larger than a letter's whole state may be.
    websocketOptions: { maxPayload: MAX_COLLAB_STATE_BYTES },
    async onAuthenticate({ token, documentName }) {
      const user = await redeemCollabTicket(db, { ticket: token, submissionId: documentName });
      if (!user) {
        logger.info({ document: documentName }, "co-writing refused");
        throw new Error("forbidden");
      }
      logger.info({ document: documentName, user: user.userId }, "co-writing joined");
      return { user };
    },
    // Who is here, as colleagues see it: the name is the one the server knows for the connection, not the one the
    // browser declares, and a section is a short key.
    async beforeHandleAwareness({ context, states }) {
      for (const [clientId, state] of states) {
        if (!context?.user) {
          states.delete(clientId);
          continue;
        }
        const color = (state.user as { color?: unknown } | undefined)?.color;
        state.user = {
          name: context.user.name,
          color: typeof color === "string" && /^#[0-9a-f]{6}$/i.test(color) ? color : "#334155",
        };
        if (state.section !== undefined && (typeof state.section !== "string" || state.section.length > 100))
          delete state.section;
      }
    },
    async onLoadDocument({ document, documentName }) {
      const state = await loadCollabState(db, documentName);
      if (state) Y.applyUpdate(document, state);
      return document;
    },
    async onStoreDocument({ document, documentName }) {
      const stored = await storeCollabState(db, documentName, Y.encodeStateAsUpdate(document));
      if (!stored)
        logger.warn({ document: documentName }, "co-writing state not stored (letter gone or too large)");
    },
  });
  await server.listen();

  let checking = false;
  const recheck = async () => {
    if (checking) return;
    checking = true;
    try {
      for (const document of server.hocuspocus.documents.values()) {
        for (const connection of document.getConnections()) {
          const user = (connection.context as { user?: CollabUser }).user;
          const still = user ? await checkCollabAccess(db, user).catch(() => undefined) : null;
          // undefined: the database did not answer; the connection stays until it does.
          if (still !== null) continue;
          logger.info({ document: document.name, user: user?.userId }, "co-writing ended: no longer allowed");
          connection.close({ code: 4403, reason: "forbidden" });
        }
      }
    } finally {
      checking = false;
    }
  };
  const sweep = setInterval(() => void recheck(), opts.recheckMs ?? 10_000);
  sweep.unref();
  return {
    port: server.address.port,
    async stop() {
      clearInterval(sweep);
      await server.destroy();
    },
  };
}
