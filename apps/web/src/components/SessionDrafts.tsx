"use client";

import { useLayoutEffect } from "react";
import { logout } from "@/app/actions";
import { clearLocalDrafts, setDraftOwner } from "@/lib/local-drafts";

/** Tells the draft store whose session this is (before any editor reads it). */
export function DraftOwner({ userId }: { userId: string }) {
  useLayoutEffect(() => setDraftOwner(userId), [userId]);
  setDraftOwnerOnce(userId);
  return null;
}

// The owner must be known on the very first render of an editor, which can run before effects.
let seen: string | null = null;
function setDraftOwnerOnce(userId: string) {
  if (typeof window === "undefined" || seen === userId) return;
  seen = userId;
  setDraftOwner(userId);
}

/** Logging out clears every draft kept in this browser. */
export function LogoutButton({ label }: { label: string }) {
  return (
    <form action={logout} onSubmit={clearLocalDrafts}>
      <button type="submit" className="min-h-11 text-blue-800 underline">
        {label}
      </button>
    </form>
  );
}
