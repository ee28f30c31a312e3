"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Card, Loading } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

export function OutboxView() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const outbox = useQuery({ ...trpc.admin.outbox.queryOptions(), refetchInterval: 30_000 });
  if (outbox.isPending) return <Loading label={t("outbox")} />;
  if (outbox.error) return <Alert>{errorText(outbox.error)}</Alert>;
  return (
    <Card>
      <p className="mb-3 text-sm text-slate-700">{t("outboxIntro")}</p>
      {outbox.data.length === 0 ? <p className="text-sm text-slate-500">{t("outboxEmpty")}</p> : null}
      <ul className="divide-y divide-slate-200" data-testid="outbox">
        {outbox.data.map((m) => (
          <li key={m.id} className="py-3 text-sm">
            <details>
              <summary className="cursor-pointer">
                <span className="font-medium">{m.subject}</span>{" "}
                <span className="text-slate-600">
                  · {t("outboxTo")} {m.toName ? `${m.toName} <${m.toEmail}>` : m.toEmail} ·{" "}
                  {dateTime(m.createdAt)} ·{" "}
                  {m.sentAt ? t("outboxSent", { time: dateTime(m.sentAt) }) : t("outboxWaiting")}
                  {m.lastError ? <span className="text-red-700"> · {m.lastError}</span> : null}
                </span>
              </summary>
              <pre className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans text-slate-800">
                {m.text}
              </pre>
            </details>
          </li>
        ))}
      </ul>
    </Card>
  );
}
