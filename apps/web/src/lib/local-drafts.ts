"use client";

/**
 * Drafts kept in this browser until the server has them. Keys carry the user, so on a shared computer one person's
 * unsaved letter never opens for the next; logging out clears them all (`clearLocalDrafts`). The same holds for the
 * co-written letters' Yjs documents kept in IndexedDB (named with the same prefix, `localDraftKey("collab", id)`).
 */
const PREFIX = "innspill:";
let owner = "anon";

/** Set once per page by the app shell, from the session. Drafts of anyone else in this browser are dropped. */
export function setDraftOwner(userId: string) {
  owner = userId;
  dropIndexedDrafts((name) => !name.startsWith(`${PREFIX}${userId}:`));
  try {
    for (const key of Object.keys(window.localStorage))
      if (key.startsWith(PREFIX) && !key.startsWith(`${PREFIX}${userId}:`))
        window.localStorage.removeItem(key);
  } catch {
    // storage unavailable (private mode): nothing kept, nothing to clear
  }
}

export const localDraftKey = (kind: string, id: string | undefined) =>
  `${PREFIX}${owner}:${kind}:${id ?? "new"}`;

export function clearLocalDrafts() {
  dropIndexedDrafts(() => true);
  try {
    for (const key of Object.keys(window.localStorage))
      if (key.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // storage unavailable
  }
}

/** Deletes this site's IndexedDB drafts whose name passes `which` (in the background; nothing to do without it). */
function dropIndexedDrafts(which: (name: string) => boolean) {
  try {
    void indexedDB
      .databases()
      .then((dbs) => {
        for (const { name } of dbs)
          if (name?.startsWith(PREFIX) && which(name)) indexedDB.deleteDatabase(name);
      })
      .catch(() => undefined);
  } catch {
    // IndexedDB unavailable
  }
}

/** The most a draft may take in browser storage (a few MB is all a browser gives a site). */
const MAX_LOCAL_DRAFT_CHARS = 1_000_000;

/**
 * Keeps `value` under `key` in this browser. False when it cannot: too large, storage full or unavailable; the
 * caller says so, and the server copy (autosave) is what remains. Never throws.
 */
export function keepLocally(key: string, value: unknown): boolean {
  try {
    const json = JSON.stringify(value);
    if (json.length > MAX_LOCAL_DRAFT_CHARS) {
      window.localStorage.removeItem(key);
      return false;
    }
    window.localStorage.setItem(key, json);
    return true;
  } catch {
    return false;
  }
}
