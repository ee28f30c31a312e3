"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/client";

/** The unread count in the shell, refreshed every minute. */
export function NotificationBell() {
  const t = useTranslations();
  const trpc = useTRPC();
  const unread = useQuery({ ...trpc.me.unreadCount.queryOptions(), refetchInterval: 60_000 });
  const count = unread.data ?? 0;
  return (
    <Link
      href="/varsler"
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100"
      aria-label={`${t("nav.notifications")}: ${t("app.unread", { count })}`}
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
