"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { osloDate } from "@innspill/domain/shared";
import { DeadlineText } from "@/components/hearings/HearingList";
import { StatusBadge } from "@/components/StatusBadge";
import { Alert, ButtonLink, Card, Loading, PageHeader } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

export function HearingDetail({ id, canEdit }: { id: string; canEdit: boolean }) {
  const t = useTranslations("hearings");
  const kinds = useTranslations("kinds");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const { date, dateTime } = useDates();
  const query = useQuery(trpc.hearing.byId.queryOptions({ id }));
  // Audit actions ("hearing.created") as flat message keys ("hearing_created"): next-intl reads dots as nesting.
  const actionText = (action: string) => {
    const key = `actions.${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key as never) : action;
  };

  if (query.isPending) return <Loading label={t("title")} />;
  if (query.error) return <Alert>{errorText(query.error)}</Alert>;
  const { hearing: h, history } = query.data;

  const rows: [string, React.ReactNode][] = [
    [t("fields.issuingBody"), h.issuingBody.name],
    [t("fields.kind"), kinds(h.kind)],
    [t("fields.deadline"), <DeadlineText key="d" deadline={h.deadline} today={osloDate(new Date())} />],
    [t("fields.receivedDate"), h.receivedDate ? date(h.receivedDate) : "—"],
    [t("fields.responsible"), h.responsible?.name ?? t("noResponsible")],
    [t("fields.theirReference"), h.theirReference ?? "—"],
    [t("fields.ourReference"), h.ourReference ?? "—"],
    [
      t("fields.url"),
      h.url ? (
        <a key="u" href={h.url} className="text-blue-800 underline" target="_blank" rel="noreferrer">
          {t("openLink")}
        </a>
      ) : (
        "—"
      ),
    ],
  ];

  return (
    <>
      <PageHeader
        title={h.title}
        actions={
          canEdit ? <ButtonLink href={`/horinger/${h.id}/rediger`}>{t("edit")}</ButtonLink> : undefined
        }
      />
      <div className="mb-4 flex items-center gap-2">
        <StatusBadge status={h.status} />
        {h.overdueSince ? (
          <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">
            {t("overdue")}
          </span>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("details")} className="lg:col-span-2">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-600">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {h.summary ? (
            <>
              <h3 className="mb-1 mt-4 text-sm font-semibold text-slate-700">{t("fields.summary")}</h3>
              <p className="whitespace-pre-line text-sm">{h.summary}</p>
            </>
          ) : null}
        </Card>
        <Card title={t("history")}>
          {history.length === 0 ? <p className="text-sm text-slate-500">{t("noHistory")}</p> : null}
          <ol className="space-y-2 text-sm">
            {history.map((e) => (
              <li key={e.id}>
                <p className="font-medium">{actionText(e.action)}</p>
                <p className="text-slate-600">
                  {e.actorName ?? t("system")} · {dateTime(e.at)}
                </p>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
