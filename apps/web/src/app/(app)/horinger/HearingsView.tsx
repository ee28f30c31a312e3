"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { HEARING_STATUSES, osloDate, type HEARING_SORTS, type HearingStatus } from "@innspill/domain/shared";
import { HearingList } from "@/components/hearings/HearingList";
import { Alert, Card, Loading, inputClass } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

type Sort = (typeof HEARING_SORTS)[number];

/** The hearing list; filter and sort live in the URL (?status=…&sort=…), so a view can be shared. */
export function HearingsView() {
  const t = useTranslations("hearings");
  const statuses = useTranslations("statuses");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const statusParam = params.get("status") ?? "";
  const status = (HEARING_STATUSES as string[]).includes(statusParam)
    ? [statusParam as HearingStatus]
    : undefined;
  const includeClosed = statusParam === "alle";
  const sort: Sort = params.get("sort") === "deadline_desc" ? "deadline_desc" : "deadline_asc";

  const query = useQuery(trpc.hearing.list.queryOptions({ status, sort, includeClosed }));

  function setParam(key: string, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  }

  return (
    <Card>
      <div className="mb-4 flex flex-wrap gap-4">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("filterStatus")}</span>
          <select
            className={inputClass}
            value={statusParam}
            onChange={(e) => setParam("status", e.target.value)}
            data-testid="filter-status"
          >
            <option value="">{t("allOpen")}</option>
            <option value="alle">{t("allIncludingClosed")}</option>
            {HEARING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statuses(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("sort")}</span>
          <select
            className={inputClass}
            value={sort}
            onChange={(e) => setParam("sort", e.target.value === "deadline_asc" ? "" : e.target.value)}
            data-testid="sort"
          >
            <option value="deadline_asc">{t("sortDeadlineAsc")}</option>
            <option value="deadline_desc">{t("sortDeadlineDesc")}</option>
          </select>
        </label>
        {query.data ? (
          <p className="self-end pb-2 text-sm text-slate-600">{t("count", { count: query.data.length })}</p>
        ) : null}
      </div>
      {query.isPending ? <Loading label={t("title")} /> : null}
      {query.error ? <Alert>{errorText(query.error)}</Alert> : null}
      {query.data ? <HearingList items={query.data} today={osloDate(new Date())} /> : null}
    </Card>
  );
}
