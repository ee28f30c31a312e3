"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LetterStatusBadge } from "@/components/StatusBadge";
import { Alert, Card, Loading, PageHeader } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { ShowMore } from "@/components/ShowMore";
import { submissionListQuery } from "./list-query";

/** Letters in progress, most recently edited first. A letter is started from its hearing. */
export function SubmissionsView() {
  const t = useTranslations("submissions");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const { date, dateTime } = useDates();
  // SUBMISSION_PAGE letters at a time; «Vis flere» reads the next.
  const list = useInfiniteQuery(submissionListQuery(trpc));
  const items = list.data?.pages.flatMap((p) => p.items);
  return (
    <>
      <PageHeader
        title={t("listTitle")}
        actions={
          <Link
            href="/innspill/importer"
            className="text-sm text-blue-800 underline"
            data-testid="import-letter"
          >
            {t("importLetter")}
          </Link>
        }
      />
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t("listIntro")}</p>
        {list.isPending ? <Loading label={t("listTitle")} /> : null}
        {list.error ? <Alert>{errorText(list.error)}</Alert> : null}
        {items?.length === 0 ? <p className="text-sm text-slate-500">{t("listEmpty")}</p> : null}
        <ul className="divide-y divide-slate-200" data-testid="submission-list">
          {items?.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
              <div>
                <Link href={`/innspill/${s.id}`} className="font-medium text-blue-900 underline">
                  {s.title}
                </Link>
                {s.revision > 1 ? (
                  <span className="ml-2 text-slate-600" data-testid="letter-revision">
                    {t("revision", { n: s.revision })}
                  </span>
                ) : null}
                <p className="text-slate-600">
                  {s.hearing.title} · {t("deadline", { date: date(s.hearing.deadline) })}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
                <LetterStatusBadge status={s.status} />
                <span className="whitespace-nowrap">{t("sectionCount", { count: s.sections })}</span>
                <span>{t("editedAt", { time: dateTime(s.updatedAt) })}</span>
              </div>
            </li>
          ))}
        </ul>
        <ShowMore list={list} testId="submissions-more" />
      </Card>
    </>
  );
}
