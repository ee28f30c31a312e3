"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { Unread } from "@/server/unread";

/** Sent on `window` by whatever marks notifications read, so the bell does not wait for its next refresh. */
export const UNREAD_CHANGED = "innspill:unread-changed";

/**
 * The unread count in the shell: rendered with the page, then refreshed every minute (while the tab is visible) and
 * when notifications are marked read. It reads a small JSON route, not tRPC, so the shell needs no client data layer.
 */
export function NotificationBell({ initial }: { initial: Unread }) {
  // A count fetched here holds until the server renders the shell again with a newer one.
  const [fetched, setFetched] = useState<{ since: Unread; unread: Unread } | null>(null);
  const unread = fetched?.since === initial ? fetched.unread : initial;
  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const res = await fetch("/api/varsler/uleste", { cache: "no-store" });
        if (res.ok && live) setFetched({ since: initial, unread: (await res.json()) as Unread });
      } catch {
        // Offline for a moment: the last count stays until the next try.
      }
    };
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, 60_000);
    window.addEventListener(UNREAD_CHANGED, load);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(UNREAD_CHANGED, load);
    };
  }, [initial]);
  const { count, label } = unread;
  return (
    <Link
      href="/varsler"
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100"
      aria-label={label}
      data-testid="notification-bell"
      data-unread={count}
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
      >
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8M10.3 20a1.9 1.9 0 0 0 3.4 0"
        />
      </svg>
      {count > 0 ? (
        <span className="absolute -right-1 -top-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
