"use client";

/**
 * Drafts kept in this browser until the server has them. Keys carry the user, so on a shared computer one person's
 * unsaved letter never opens for the next; logging out clears them all (`clearLocalDrafts`).
 */
const PREFIX = "innspill:";
let owner = "anon";

/** Set once per page by the app shell, from the session. Drafts of anyone else in this browser are dropped. */
export function setDraftOwner(userId: string) {
  owner = userId;
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
  try {
    for (const key of Object.keys(window.localStorage))
      if (key.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // storage unavailable
  }
}
