"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { UNREAD_CHANGED } from "@/components/NotificationBell";
import { Alert, Card, Loading, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText, useNotificationText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

export function NotificationsView() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const text = useNotificationText();
  const { dateTime } = useDates();
  const list = useQuery(trpc.me.notifications.queryOptions());
  const markRead = useMutation(
    trpc.me.markRead.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.me.pathKey() });
        window.dispatchEvent(new Event(UNREAD_CHANGED));
      },
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
        {items.map((n) => {
          // Where the user acts on it: the approval page for «godkjenn» and «signer», else the hearing.
          const href = n.path ?? (n.hearingId ? `/horinger/${n.hearingId}` : null);
          const read = () => !n.readAt && markRead.mutate({ ids: [n.id] });
          const { title, body } = text(n);
          return (
            <li key={n.id} className="py-2" data-testid="notification">
              {href ? (
                <Link
                  href={href}
                  onClick={read}
                  className="-mx-2 block min-h-11 rounded-md px-2 py-1 hover:bg-slate-50"
                  data-testid="notification-link"
                >
                  <span className={`block ${n.readAt ? "text-slate-700" : "font-semibold text-blue-900"}`}>
                    {title}
                  </span>
                  <span className="block whitespace-pre-line text-sm text-slate-700">{body}</span>
                </Link>
              ) : (
                <div className="px-0 py-1">
                  <p className={n.readAt ? "text-slate-700" : "font-semibold"}>{title}</p>
                  <p className="whitespace-pre-line text-sm text-slate-700">{body}</p>
                </div>
              )}
              <p className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-600">
                <span>{dateTime(n.createdAt)}</span>
                {!n.readAt ? (
                  <button
                    type="button"
                    className="min-h-11 text-blue-800 underline"
                    onClick={() => markRead.mutate({ ids: [n.id] })}
                  >
                    {t("markRead")}
                  </button>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
