"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { osloDate, type HearingStatus, type MilestoneKind, milestoneLabelKey } from "@innspill/domain/shared";
import { ArchivePanel } from "@/components/hearings/ArchivePanel";
import { AttachmentsPanel } from "@/components/hearings/AttachmentsPanel";
import { DeadlineText } from "@/components/hearings/HearingList";
import { MilestonesPanel } from "@/components/hearings/MilestonesPanel";
import { SubmissionPanel } from "@/components/hearings/SubmissionPanel";
import { OutcomesPanel } from "@/components/memory/OutcomesPanel";
import { WorkflowPanel } from "@/components/hearings/WorkflowPanel";
import { StatusBadge } from "@/components/StatusBadge";
import { Alert, ButtonLink, Card, Loading, PageHeader } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

export function HearingDetail({ id, actorId }: { id: string; actorId: string }) {
  const t = useTranslations("hearings");
  const domain = useTranslations("domain");
  const kinds = useTranslations("kinds");
  const statuses = useTranslations("statuses");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const { date, dateTime } = useDates();
  const query = useQuery(trpc.hearing.byId.queryOptions({ id }));
  const options = useQuery(trpc.hearing.formOptions.queryOptions());
  // Audit actions ("hearing.created") as flat message keys ("hearing_created"): next-intl reads dots as nesting.
  const actionText = (action: string) => {
    const key = `actions.${action.replaceAll(".", "_")}`;
    // Never a raw key: an event without words of its own is «Annen endring».
    return t.has(key) ? t(key as never) : t("actions.other");
  };
  /** What an event changed, in words: status steps and moved dates. */
  const eventDetail = (action: string, data: unknown): ReactNode => {
    const d = (data ?? {}) as Record<string, unknown>;
    if (action === "hearing.transitioned" || action === "hearing.decided") {
      return t("transitionText", {
        from: statuses(d.from as HearingStatus),
        to: statuses(d.to as HearingStatus),
      });
    }
    if (action === "hearing.deadlineMoved") {
      const moves = (d.moves ?? []) as { kind: MilestoneKind; from: string; to: string }[];
      return (
        <>
          {t("deadlineMovedText", { from: date(String(d.from)), to: date(String(d.to)) })}
          <ul className="ml-4 list-disc">
            {moves.map((m) => (
              <li key={m.kind}>
                {t("movedMilestone", {
                  kind: domain(milestoneLabelKey(m.kind)),
                  from: date(m.from),
                  to: date(m.to),
                })}
              </li>
            ))}
          </ul>
        </>
      );
    }
    return null;
  };

  if (query.isPending) return <Loading label={t("title")} />;
  if (query.error) return <Alert>{errorText(query.error)}</Alert>;
  const detail = query.data;
  const { hearing: h, history, actions } = detail;
  // What this user may do here is the server's answer (`actions`), not a rule of this page.
  const canEdit = actions.includes("hearing.edit");
  const canExportArchive = actions.includes("hearing.exportArchive");

  const rows: [string, ReactNode][] = [
    [t("fields.issuingBody"), h.issuingBody.name],
    [t("fields.kind"), kinds(h.kind)],
    [t("fields.deadline"), <DeadlineText key="d" deadline={h.deadline} today={osloDate(new Date())} />],
    [t("fields.receivedDate"), h.receivedDate ? date(h.receivedDate) : "—"],
    [t("fields.responsible"), h.responsible?.name ?? t("noResponsible")],
    [t("fields.participantIds"), h.participants.map((p) => p.name).join(", ") || "—"],
    [t("fields.topics"), h.topics.map((x) => x.name).join(", ") || "—"],
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
      <div
        className="mb-4 flex flex-wrap items-center gap-2"
        data-testid="hearing-status"
        data-status={h.status}
      >
        <StatusBadge status={h.status} />
        {detail.journal.caseNumber ? (
          <span className="text-sm text-slate-600" data-testid="case-number-badge">
            {t("caseNumberShort", { number: detail.journal.caseNumber })}
          </span>
        ) : null}
        {h.overdueSince ? (
          <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">
            {t("overdue")}
          </span>
        ) : null}
        {h.atRisk ? (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
            {t("atRisk")}
          </span>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("details")}>
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
          <WorkflowPanel detail={detail} />
          <AttachmentsPanel detail={detail} canEdit={canEdit} />
          <ArchivePanel detail={detail} canEdit={canEdit} />
        </div>
        <div className="space-y-4">
          <SubmissionPanel hearingId={id} canEdit={canEdit} />
          <OutcomesPanel hearingId={id} />
          <MilestonesPanel
            detail={detail}
            users={options.data?.users ?? []}
            canPlan={canEdit}
            actorId={actorId}
          />
          <Card title={t("history")}>
            <div className="mb-2 flex flex-wrap gap-4 text-sm">
              <a href={`/api/horinger/${id}/historikk`} className="text-blue-800 underline">
                {t("exportHistory")}
              </a>
              {canExportArchive ? (
                <a
                  href={`/api/horinger/${id}/arkiv`}
                  className="text-blue-800 underline"
                  data-testid="export-archive"
                >
                  {t("exportArchive")}
                </a>
              ) : (
                <span className="text-slate-600" data-testid="export-archive-later">
                  {t("exportArchiveWhenClosed")}
                </span>
              )}
            </div>
            {history.length === 0 ? <p className="text-sm text-slate-500">{t("noHistory")}</p> : null}
            <ol className="space-y-3 text-sm" data-testid="history">
              {history.map((e) => (
                <li key={e.id}>
                  <p className="font-medium">
                    {actionText(e.action)}
                    {e.count > 1 ? (
                      <span className="font-normal text-slate-600">
                        {" "}
                        ({t("savesCount", { count: e.count })})
                      </span>
                    ) : null}
                  </p>
                  <div className="text-slate-700">{eventDetail(e.action, e.data)}</div>
                  <p className="text-xs text-slate-500">
                    {e.actorName ?? t("system")} · {dateTime(e.at)}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
