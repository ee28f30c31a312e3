"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert, Card, Loading, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

export function NotificationsView() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const list = useQuery(trpc.me.notifications.queryOptions());
  const markRead = useMutation(
    trpc.me.markRead.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.me.pathKey() }),
    }),
  );
  if (list.isPending) return <Loading label={t("title")} />;
  if (list.error) return <Alert>{errorText(list.error)}</Alert>;
  const { items, unread } = list.data;
  return (
    <Card>
      {unread > 0 ? (
        <button type="button" className={`${secondaryButtonClass} mb-3`} onClick={() => markRead.mutate({})}>
          {t("markAllRead")}
        </button>
      ) : null}
      {items.length === 0 ? <p className="text-sm text-slate-500">{t("empty")}</p> : null}
      <ul className="divide-y divide-slate-200" data-testid="notifications">
        {items.map((n) => (
          <li key={n.id} className={`py-3 ${n.readAt ? "opacity-70" : ""}`} data-testid="notification">
            <p className={n.readAt ? "" : "font-semibold"}>{n.title}</p>
            <p className="whitespace-pre-line text-sm text-slate-700">{n.body}</p>
            <p className="mt-1 flex flex-wrap gap-3 text-xs text-slate-500">
              <span>{dateTime(n.createdAt)}</span>
              {n.hearingId ? (
                <Link
                  href={`/horinger/${n.hearingId}`}
                  className="text-blue-800 underline"
                  onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] })}
                >
                  {t("open")}
                </Link>
              ) : null}
              {!n.readAt ? (
                <button
                  type="button"
                  className="text-blue-800 underline"
                  onClick={() => markRead.mutate({ ids: [n.id] })}
                >
                  {t("markRead")}
                </button>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
